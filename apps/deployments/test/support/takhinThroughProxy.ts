import { type ClientOptions, takhin } from '@feedkit/client';
import { FaultProxy } from '../../src/faults/FaultProxy';
import { collectErrors } from './next';
import { recordGaps } from './recordGaps';
import type { useDeployment } from './useDeployment';

/** A Takhin event of topic `name`, with a payload a test can recognise. */
export function topicEvent(name: string, partitions = 3) {
  return {
    type: 'topic_created' as const,
    timestamp: Math.floor(Date.now() / 1000),
    data: { name, partitions },
  };
}

/**
 * A fault proxy in front of the deployment's reference server, and a Takhin
 * client through it subscribed to `metrics` and `topic('orders')` once the
 * server has the subscription; from then on its errors and the gap flips of
 * `orders` are recorded.
 */
export async function takhinThroughProxy(
  deployment: ReturnType<typeof useDeployment>,
  options: Partial<ClientOptions<ReturnType<typeof takhin>>> = {},
) {
  const proxy = await FaultProxy.start(deployment.server.port);
  deployment.defer(() => proxy.close());
  const client = deployment.client(takhin(), { url: proxy.wsUrl, ...options });
  const metrics = client.feed('metrics');
  const orders = client.feed('topic', 'orders');
  const subscriptions = [metrics.subscribe(), orders.subscribe()];
  deployment.defer(() => {
    for (const s of subscriptions) s.unsubscribe();
  });
  await subscribedToOrders(deployment);
  return {
    proxy,
    client,
    metrics,
    orders,
    errors: collectErrors(client),
    gaps: recordGaps(orders),
  };
}

/** Resolves when the server has a Takhin connection subscribed to `topic:orders`. */
export function subscribedToOrders(deployment: ReturnType<typeof useDeployment>) {
  return deployment.server.waitForConnections((cs) =>
    cs.some((c) => c.system === 'takhin' && c.subscriptions.includes('topic:orders')),
  );
}
