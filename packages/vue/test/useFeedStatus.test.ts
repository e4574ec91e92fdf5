import { createClient, type FeedStatusName, takhin } from '@feedkit/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, ref, watch } from 'vue';
import { useFeedStatus } from '../src/useFeedStatus';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer({ quiet: true });
let client: ReturnType<typeof createClient<ReturnType<typeof takhin>>>;

beforeEach(() => {
  client = createClient({
    url: server.current.wsUrl,
    protocol: takhin(),
    backoff: () => 0,
    linger: 0,
    lifecycle: false,
  });
});

afterEach(async () => {
  client.close();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

describe('useFeedStatus against the reference server', () => {
  it('reads connecting, then live with data, reconnecting across a restart, live again', async () => {
    const scope = effectScope();
    const status = scope.run(() => useFeedStatus(() => client.feed('metrics')));
    if (!status) throw new Error('no scope');
    const seen: FeedStatusName[] = [];
    watch(status, (s) => seen.at(-1) !== s.status && seen.push(s.status), {
      immediate: true,
      flush: 'sync',
    });
    expect(seen[0]).toBe('connecting');
    // Takhin sends the metrics on connect.
    await until(status, (s) => s.status === 'live' && s.lastMessageAt !== undefined);
    const restarted = server.current.restart();
    await until(status, (s) => s.status === 'reconnecting');
    await restarted;
    await until(status, (s) => s.status === 'live');
    expect(seen).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    scope.stop();
  });

  it('follows a reactive feed and lets the old one go', async () => {
    const name = ref('orders');
    const scope = effectScope();
    const status = scope.run(() => useFeedStatus(() => client.feed('topic', name.value)));
    if (!status) throw new Error('no scope');
    await until(status, (s) => s.status === 'live');
    name.value = 'payments';
    await server.current.waitForConnections(
      (cs) => cs.length === 1 && cs[0]?.subscriptions.join() === 'topic:payments',
    );
    expect(status.value.status).toBe('live');
    scope.stop();
  });
});
