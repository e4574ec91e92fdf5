import { createClient, takhin } from '@feedkit/client';
import { afterEach, expect, it } from 'vitest';
import { exampleMessages } from '../src/index';
import { type ReferenceServer, startReferenceServer } from '../src/server';
import { next } from './support/next';

let server: ReferenceServer | undefined;
afterEach(() => server?.stop());

it('re-exports the reference server with its fault handle, for tests over real sockets', async () => {
  server = await startReferenceServer({
    simulate: false,
    timeScale: 100,
    seed: 1,
    onError: () => {},
  });
  const client = createClient({
    url: server.wsUrl,
    protocol: takhin(),
    backoff: () => 0,
    lifecycle: false,
  });
  const created = next(client.feed('topic', 'orders'));
  await server.waitForConnections((cs) => cs.some((c) => c.subscriptions.includes('topic:orders')));
  server.emit('takhin', {
    ...exampleMessages.takhin.topic_created,
    data: { name: 'orders', partitions: 2 },
  });
  expect((await created).data.name).toBe('orders');

  client.feed('metrics').subscribe();
  await server.waitForConnections((cs) => cs.length === 1);
  server.dropConnections(1012);
  await next(client.state$, (s) => s.status === 'reconnecting');
  await next(client.state$, (s) => s.status === 'open');
  client.close();
});
