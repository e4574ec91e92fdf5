import type { Feed, FeedkitClient } from '@feedkit/client';
import { expect } from 'vitest';
import { next } from './next';
import { subscribedToOrders, topicEvent } from './takhinThroughProxy';
import type { useDeployment } from './useDeployment';

/**
 * After a fault: the client is open again, the server has the replayed
 * `topic:orders` subscription, and an event emitted now reaches the feed
 * and clears its gap.
 */
export async function expectRecovered(
  deployment: ReturnType<typeof useDeployment>,
  client: Pick<FeedkitClient, 'state$'>,
  orders: Feed<unknown>,
  name = `recovered-${Date.now()}`,
) {
  await next(client.state$, (s) => s.status === 'open');
  await subscribedToOrders(deployment);
  const message = next(orders, (m) => (m as { data?: { name?: string } }).data?.name === 'orders');
  const event = { ...topicEvent('orders', 5), data: { name: 'orders', partitions: name.length } };
  deployment.server.emit('takhin', event);
  expect(await message).toEqual(event);
  expect(orders.gap).toBe(false);
}
