import { type FeedkitClient, type FeedkitError, takhin } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../src/faults/FaultProxy';
import { collectErrors, next } from '../support/next';
import { expectRecovered } from '../support/recovery';
import { takhinThroughProxy } from '../support/takhinThroughProxy';
import { useDeployment } from '../support/useDeployment';

const deployment = useDeployment();

/** Fast dead-peer detection, so each fault is found in a fraction of a second. */
const heartbeat = { intervalMs: 50, timeoutMs: 400 };

/** The heartbeat found the peer dead: close 4000, one non-fatal `connection` error saying so. */
async function expectDeadPeer(client: Pick<FeedkitClient, 'state$'>, errors: FeedkitError[]) {
  const dead = await next(client.state$, (s) => s.closeCode === 4000);
  expect(dead.reason).toMatch(/dead peer/);
  expect(errors[0]).toMatchObject({ code: 'connection', closeCode: 4000, fatal: false });
  expect(errors[0]?.message).toMatch(/dead peer/);
}

describe('faults that break the connection: a typed error with its cause, a reconnect, replay, gaps marked', () => {
  it('a reset in the middle of a frame: connection error naming ECONNRESET, no decode error', async () => {
    const { proxy, client, orders, errors, gaps } = await takhinThroughProxy(deployment, {
      heartbeat,
    });
    await proxy.resetMidFrame();
    const lost = await next(client.state$, (s) => s.status === 'reconnecting');
    expect(lost.reason).toMatch(/ECONNRESET/);
    expect(errors[0]).toMatchObject({ code: 'connection', closeCode: 1006, fatal: false });
    expect(errors[0]?.cause).toMatchObject({ code: 'ECONNRESET' });
    await expectRecovered(deployment, client, orders);
    expect(gaps).toEqual([true, false]);
    expect(errors.filter((e) => e.code === 'decode')).toEqual([]);
    expect(proxy.accepted).toBe(2);
  });

  it.each([
    ['client -> server', 'blackHoleToServer'],
    ['server -> client', 'blackHoleToClient'],
  ] as const)('a black hole %s: dead peer within the heartbeat timeout', async (_name, field) => {
    const { proxy, client, orders, metrics, errors, gaps } = await takhinThroughProxy(deployment, {
      heartbeat,
    });
    let arrivedWhileCut = 0;
    const counting = metrics.subscribe(() => arrivedWhileCut++);
    proxy.faults[field] = true;
    await expectDeadPeer(client, errors);
    counting.unsubscribe();
    // Deaf but not mute: the server's frames still arrive, yet without pongs the peer is dead.
    if (field === 'blackHoleToServer') expect(arrivedWhileCut).toBeGreaterThan(0);
    proxy.faults[field] = false;
    await expectRecovered(deployment, client, orders);
    expect(gaps).toEqual([true, false]);
  });

  it('the server stops reading (backpressure): dead peer, then a new socket that is read', async () => {
    const { proxy, client, orders, errors, gaps } = await takhinThroughProxy(deployment, {
      heartbeat,
    });
    const [before] = deployment.server.connections('takhin');
    proxy.stopReading();
    // The client's pings pile up unread; the server keeps sending metrics all the while.
    await expectDeadPeer(client, errors);
    await expectRecovered(deployment, client, orders);
    // The old connection may linger on the server (it never read the close): the replay is on a new one.
    // Awaited, not looked up: expectRecovered can be satisfied by the lingering one's subscription
    // while the new socket's replayed subscribe is still on its way.
    // (waitForConnections rejects when it never comes.)
    await deployment.server.waitForConnections((cs) =>
      cs.some(
        (c) =>
          c.system === 'takhin' && c.subscriptions.includes('topic:orders') && c.id !== before?.id,
      ),
    );
    expect(proxy.accepted).toBe(2);
    expect(gaps).toEqual([true, false]);
  });

  it('a half-open connection (the server side is gone, the client hears nothing, not even a FIN)', async () => {
    const { proxy, client, orders, errors, gaps } = await takhinThroughProxy(deployment, {
      heartbeat,
    });
    proxy.halfOpen();
    await deployment.server.waitForConnections((cs) => cs.length === 0);
    await expectDeadPeer(client, errors);
    await expectRecovered(deployment, client, orders);
    expect(gaps).toEqual([true, false]);
  });

  it('a flapping link (dropped every 300 ms): every drop is a reconnect with replay, and data flows between drops', async () => {
    const { proxy, client, orders, errors, gaps } = await takhinThroughProxy(deployment, {
      heartbeat,
    });
    const stop = proxy.flap(300);
    // Three drops, each followed by a socket that is open again with its subscription replayed.
    for (let drop = 1; drop <= 3; drop++) {
      await next(client.state$, (s) => s.status === 'reconnecting');
      await expectRecovered(deployment, client, orders, `flap-${drop}`);
    }
    stop();
    expect(proxy.accepted).toBeGreaterThanOrEqual(4);
    expect(gaps.filter((g) => g)).toHaveLength(3);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.every((e) => e.code === 'connection' && !e.fatal)).toBe(true);
    expect(client.state.status).not.toBe('closed');
  });
  it('a black hole during the upgrade: "no open within connectTimeoutMs", retried, open once it lifts', async () => {
    const proxy = await FaultProxy.start(deployment.server.port);
    deployment.defer(() => proxy.close());
    proxy.faults.blackHoleToServer = true;
    const client = deployment.client(takhin(), { url: proxy.wsUrl, connectTimeoutMs: 300 });
    const errors = collectErrors(client);
    const metrics = client.feed('metrics');
    const sub = metrics.subscribe();
    await next(client.state$, (s) => s.status !== 'open' && s.attempt >= 2);
    expect(errors[0]).toMatchObject({ code: 'connection', fatal: false });
    expect(errors[0]?.message).toMatch(/no open within 300 ms/);
    proxy.faults.blackHoleToServer = false;
    expect((await next(metrics)).type).toBe('metrics');
    sub.unsubscribe();
  });
});
