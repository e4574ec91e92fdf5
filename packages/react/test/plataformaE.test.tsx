import { type FeedkitClient, plataformaE } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedkitProvider } from '../src/index';
import { useLogs, useNotifications, useProjectEvents } from '../src/systems/plataforma-e';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof plataformaE>>;
beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, plataformaE());
});
afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

let sequence = 0;
const storyCreated = (projectId: string, title: string) => ({
  type: 'story_created',
  data: { story_id: `STR-${++sequence}`, title, project_id: projectId },
  timestamp: new Date().toISOString(),
  message_id: `m${sequence}`,
  project_id: projectId,
});
const notification = (title: string) => ({
  type: 'notification',
  data: { title, message: 'Manutencao em 5 minutos' },
  timestamp: new Date().toISOString(),
  message_id: `m${++sequence}`,
});
const logLine = (level: 'debug' | 'info' | 'warning' | 'error', message: string) => ({
  type: 'log_message',
  data: { level, message },
  timestamp: new Date().toISOString(),
  message_id: `m${++sequence}`,
});

function Project({ id }: { id: string }) {
  const title = useProjectEvents(id, {
    select: (m) => (m.type === 'story_created' ? m.data.title : m.type),
  });
  return <p>{`${id}: ${title ?? 'waiting'}`}</p>;
}

function ProjectSwitcher(props: { expose: (set: (id: string) => void) => void }) {
  const [id, set] = useState('PROJ-1');
  props.expose(set);
  return <Project id={id} />;
}

function Feeds() {
  const notification = useNotifications({
    select: (m) => (m.type === 'notification' ? m.data.title : m.type),
  });
  const errors = useLogs({ level: 'error' }, { select: (m) => m.data.message });
  return (
    <ul>
      <li>{`notifications: ${notification ?? 'waiting'}`}</li>
      <li>{`errors: ${errors ?? 'waiting'}`}</li>
    </ul>
  );
}

const subscribed = (topic: string) =>
  server.waitForConnections((cs) => cs.some((c) => c.subscriptions.includes(topic)));

it('useNotifications and useLogs({ level }) render live events, filtered by level', async () => {
  render(
    <FeedkitProvider client={client}>
      <Feeds />
    </FeedkitProvider>,
  );
  await server.waitForConnections((cs) => cs.length === 2);
  // Project events go to that project's subscribers only; this one is for everyone.
  server.emit('plataforma-e', storyCreated('PROJ-9', 'Login page'));
  server.emit('plataforma-e', notification('Aviso'));
  expect(await screen.findByText('notifications: Aviso')).toBeTruthy();
  server.emit('plataforma-e', logLine('info', 'below the level'));
  server.emit('plataforma-e', logLine('error', 'disk full'));
  expect(await screen.findByText('errors: disk full')).toBeTruthy();
  expect(server.connections('plataforma-e').find((c) => c.path === '/ws/logs')?.query).toEqual({
    level: 'error',
  });
});

it('useProjectEvents: a new project id is one unsubscribe and one subscribe on the same socket', async () => {
  let setProject: (id: string) => void = () => {};
  render(
    <FeedkitProvider client={client}>
      <ProjectSwitcher expose={(set) => (setProject = set)} />
    </FeedkitProvider>,
  );
  await subscribed('project:PROJ-1');
  server.emit('plataforma-e', storyCreated('PROJ-1', 'First story'));
  await screen.findByText('PROJ-1: First story');
  const before = server.connections('plataforma-e')[0]!;

  act(() => setProject('PROJ-2'));
  await server.waitForConnections(
    (cs) => cs.length === 1 && cs[0]!.subscriptions.join() === 'project:PROJ-2',
  );
  server.emit('plataforma-e', storyCreated('PROJ-1', 'Not for us'));
  server.emit('plataforma-e', storyCreated('PROJ-2', 'Second story'));
  await screen.findByText('PROJ-2: Second story');
  const after = server.connections('plataforma-e')[0]!;
  expect(after.id).toBe(before.id);
  expect(after.messagesIn - before.messagesIn).toBe(2);
});
