import { type FeedkitClient, veloflux } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FeedkitProvider } from '../src/index';
import {
  useBackends,
  useForceUpdate,
  useMetrics,
  usePause,
  useSystemStatus,
} from '../src/systems/veloflux';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof veloflux>>;
beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, veloflux());
});
afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

function Dashboard() {
  const backends = useBackends({ select: (m) => m.backends.length });
  const rps = useMetrics({ select: (m) => m.data.total_backends });
  const status = useSystemStatus({ select: (m) => m.data.status });
  const forced = useBackends({ select: (m) => m.forced });
  return (
    <ul>
      <li>{backends === undefined ? 'backends: waiting' : `backends: ${backends}`}</li>
      <li>{rps === undefined ? 'total: waiting' : `total: ${rps}`}</li>
      <li>{status === undefined ? 'status: waiting' : `status: ${status}`}</li>
      <li>{`forced: ${forced}`}</li>
    </ul>
  );
}

/** The seed shows no body for `control` (typed `unknown`); the reference server reports what is paused. */
function pausedBackends(answer: unknown): string {
  return String((answer as { paused?: { backends?: unknown } } | null)?.paused?.backends);
}

function Controls() {
  const pause = usePause();
  const force = useForceUpdate();
  return (
    <div>
      <button type="button" onClick={() => pause.run('backends')}>
        pause
      </button>
      <button type="button" onClick={() => force.run({ type: 'backends' })}>
        force
      </button>
      <p>{pause.data ? `paused: ${pausedBackends(pause.data)}` : 'running'}</p>
    </div>
  );
}

it('useBackends, useMetrics and useSystemStatus render each socket live', async () => {
  render(
    <FeedkitProvider client={client}>
      <Dashboard />
    </FeedkitProvider>,
  );
  expect(await screen.findByText(/^backends: \d+$/)).toBeTruthy();
  expect(await screen.findByText(/^total: \d+$/)).toBeTruthy();
  expect(await screen.findByText(/^status: \S+$/)).toBeTruthy();
  // Three feeds, three sockets (VeloFlux has one path per stream).
  expect(
    server
      .connections('veloflux')
      .map((c) => c.path)
      .sort(),
  ).toEqual(['/api/ws/backends', '/api/ws/metrics', '/api/ws/status']);
});

it('usePause and useForceUpdate call the real REST endpoints', async () => {
  render(
    <FeedkitProvider client={client}>
      <Dashboard />
      <Controls />
    </FeedkitProvider>,
  );
  await screen.findByText(/^backends: \d+$/);
  fireEvent.click(screen.getByText('pause'));
  expect(await screen.findByText('paused: true')).toBeTruthy();
  fireEvent.click(screen.getByText('force'));
  // A forced update is pushed at once, even while paused.
  expect(await screen.findByText('forced: true')).toBeTruthy();
});
