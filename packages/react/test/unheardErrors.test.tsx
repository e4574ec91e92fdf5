import { createClient, plataformaE } from '@feedkit/client';
import { startReferenceServer } from '@feedkit/reference-server';
import { cleanup, render } from '@testing-library/react';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FeedkitProvider, useConnectionState } from '../src/index';
import { useLogs, useNotifications } from '../src/systems/plataforma-e';

afterEach(cleanup);

function Dashboard() {
  const notification = useNotifications();
  const log = useLogs({ level: 'error' });
  const state = useConnectionState();
  return <p>{`${state.status} ${notification?.type ?? '-'} ${log?.type ?? '-'}`}</p>;
}

it('hooks on two sockets of a server that is down, nobody on errors$: one console line per socket, not one per reconnect', async () => {
  // A port the reference server just released: every connect is refused.
  const server = await startReferenceServer({ simulate: false, seed: 1 });
  const url = server.wsUrl;
  await server.stop();
  const lines: string[] = [];
  const client = createClient({
    url,
    protocol: plataformaE(),
    backoff: () => 0,
    lifecycle: false,
    WebSocket: WebSocket as never,
    logger: { warn: (line: string) => lines.push(line) },
  });
  render(
    <FeedkitProvider client={client}>
      <Dashboard />
    </FeedkitProvider>,
  );
  // Both sockets (/ws/notifications, /ws/logs) have failed several times, their errors interleaved.
  await firstValueFrom(
    client.state$.pipe(
      filter((s) => s.connections.length === 2 && s.connections.every((c) => c.attempt >= 5)),
    ),
  );
  client.close();
  expect(lines).toHaveLength(2);
  expect(lines.map((l) => l.match(/\/ws\/\w+/)?.[0]).sort()).toEqual([
    '/ws/logs',
    '/ws/notifications',
  ]);
  expect(lines.every((l) => /^\[feedkit\] connection: .*ECONNREFUSED/.test(l))).toBe(true);
});
