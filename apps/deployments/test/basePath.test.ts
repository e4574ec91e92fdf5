import { helios, plataformaE, takhin } from '@feedkit/client';
import { heliosExamples } from '@feedkit/testing';
import { describe, expect, it } from 'vitest';
import { collectErrors, next } from './support/next';
import { inFront, proxies } from './support/proxies';
import { useDeployment } from './support/useDeployment';

const deployment = useDeployment();

describe.each(proxies)('%s serving the systems under /feeds/', (_name, start) => {
  it('basePath: /feeds reaches the socket and REST paths behind the prefix', async () => {
    const { wsUrl } = await inFront(deployment, start, { prefix: '/feeds' });
    const client = deployment.client(plataformaE(), { url: wsUrl, basePath: '/feeds' });
    const errors = collectErrors(client);
    const project = client.feed('project', 'PROJ-001');
    const sub = project.subscribe();
    // The proxy stripped the prefix: the server sees its own path, with the subscription on it.
    const [conn] = await deployment.server.waitForConnections((cs) =>
      cs.some((c) => c.system === 'plataforma-e' && c.subscriptions.length === 1),
    );
    expect(conn?.path).toBe('/ws/notifications');
    expect(client.state.connections[0]?.url).toBe(`${wsUrl}/feeds/ws/notifications`);
    // REST through the same prefix: the server counts the subscriber the socket made.
    const stats = await client.rest.stats();
    expect(stats.connections_per_project).toEqual({ 'PROJ-001': 1 });
    sub.unsubscribe();
    expect(errors).toEqual([]);
  });

  it('the Takhin socket behind the prefix delivers typed messages', async () => {
    const { wsUrl } = await inFront(deployment, start, { prefix: '/feeds' });
    const client = deployment.client(takhin(), { url: wsUrl, basePath: '/feeds/' });
    expect((await client.feed('metrics').first()).type).toBe('metrics');
  });

  it('without basePath the upgrade is refused with the HTTP status, and the error says so', async () => {
    const { wsUrl } = await inFront(deployment, start, { prefix: '/feeds' });
    const client = deployment.client(takhin(), { url: wsUrl });
    const error = next(client.errors$);
    const sub = client.feed('metrics').subscribe();
    const first = await error;
    sub.unsubscribe();
    expect(first).toMatchObject({ code: 'connection', status: 404, fatal: false });
    expect(first.message).toMatch(/upgrade refused: HTTP 404/);
  });
  it('Helios logs in through the prefix (REST) and opens its socket there with the token', async () => {
    const { wsUrl } = await inFront(deployment, start, { prefix: '/feeds' });
    const client = deployment.client(helios({ username: 'admin', password: 'admin123' }), {
      url: wsUrl,
      basePath: '/feeds',
    });
    const errors = collectErrors(client);
    const changes = client.feed('stateChanges');
    const sub = changes.subscribe();
    await deployment.server.waitForConnections((cs) =>
      cs.some((c) => c.system === 'helios' && c.subscriptions.join() === 'state_changes'),
    );
    const message = next(changes);
    deployment.server.emit('helios', heliosExamples.state_change);
    expect(await message).toMatchObject({ type: 'state_change' });
    sub.unsubscribe();
    expect(errors).toEqual([]);
  });
});
