import { describe, expect, it } from 'vitest';
import { type ClientState, takhin } from '../src/index';
import { next } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

const ref = useReferenceServer();

describe('state$ emits only what a user can see change', () => {
  it('a plain connect is idle, connecting, open: one emission each, none repeated', async () => {
    const client = ref.client(takhin());
    const seen: ClientState[] = [];
    client.state$.subscribe((s) => seen.push(s));
    const feed = client.feed('consumerGroup', 'billing');
    const message = next(feed);
    await ref.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('group:billing')),
    );
    ref.server.emit('takhin', {
      type: 'group_updated',
      timestamp: Math.floor(Date.now() / 1000),
      data: { groupId: 'billing', state: 'Stable', members: 3 },
    });
    // A message delivered: the connect, its replayed subscription and its publishing are all done.
    await message;
    expect(seen.map((s) => s.status)).toEqual(['idle', 'connecting', 'open']);
    expect(seen[2]?.connections[0]?.topics).toEqual(['group:billing']);
    expect(client.state).toBe(seen[2]);
  });
});
