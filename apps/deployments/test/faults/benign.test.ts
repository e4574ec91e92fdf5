import { takhin } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../src/faults/FaultProxy';
import type { FaultSettings } from '../../src/faults/FaultSettings';
import { collectErrors, next } from '../support/next';
import { takhinThroughProxy, topicEvent } from '../support/takhinThroughProxy';
import { useDeployment } from '../support/useDeployment';

const deployment = useDeployment();

/** A topic name as long as Takhin allows (256), so its frames span hundreds of segments. */
const LONG = `orders-${'x'.repeat(240)}`;

describe('benign faults: data keeps flowing, intact, on the same socket', () => {
  it.each<[string, Partial<FaultSettings>]>([
    ['100 ms of added latency each way', { latencyMs: 100 }],
    ['every write chopped into 1-byte segments', { oneByteSegments: true }],
    ['both at once', { latencyMs: 50, oneByteSegments: true }],
  ])('%s', async (_name, faults) => {
    const { proxy, client, metrics, orders } = await takhinThroughProxy(deployment);
    const errors = collectErrors(client);
    const reconnects: string[] = [];
    client.state$.subscribe((s) => {
      if (s.status === 'reconnecting') reconnects.push(s.reason ?? '');
    });
    Object.assign(proxy.faults, faults);
    const before = structuredClone(proxy.written);

    // Client -> server under the fault too: a new subscription is reassembled by the server.
    const big = client.feed('topic', LONG);
    const bigMessage = next(big);
    await deployment.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes(`topic:${LONG}`)),
    );
    const ordersMessage = next(orders);
    const sent = [topicEvent('orders', 7), topicEvent(LONG, 11)];
    for (const event of sent) deployment.server.emit('takhin', event);
    expect(await ordersMessage).toEqual(sent[0]);
    expect(await bigMessage).toEqual(sent[1]);
    // Periodic frames (about 1 KB) decode too.
    const seen = metrics.getSnapshot();
    const fresh = await next(metrics);
    expect(fresh.type).toBe('metrics');
    expect(fresh).not.toBe(seen);

    if (faults.oneByteSegments) {
      // The fault really took effect: one write per byte, both ways.
      for (const way of ['toClient', 'toServer'] as const) {
        const segments = proxy.written[way].segments - before[way].segments;
        expect(segments).toBeGreaterThan(250);
        expect(segments).toBe(proxy.written[way].bytes - before[way].bytes);
      }
    }
    expect(errors).toEqual([]);
    expect(reconnects).toEqual([]);
    expect(proxy.accepted).toBe(1);
  });
  it('the upgrade handshake itself in 1-byte segments, 50 ms late each way: the socket opens and data flows', async () => {
    const proxy = await FaultProxy.start(deployment.server.port);
    deployment.defer(() => proxy.close());
    Object.assign(proxy.faults, { latencyMs: 50, oneByteSegments: true });
    const client = deployment.client(takhin(), { url: proxy.wsUrl });
    const errors = collectErrors(client);
    expect((await next(client.feed('metrics'))).type).toBe('metrics');
    expect(proxy.accepted).toBe(1);
    expect(errors).toEqual([]);
  });
});
