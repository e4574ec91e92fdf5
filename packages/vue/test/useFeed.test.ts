import { createClient, takhin, veloflux } from '@feedkit/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import {
  fleetAddress,
  fleetBackendStatus,
  sameBackend,
} from '../../protocol/fixtures/backendFleet';
import { useBackends, type VeloFluxClient } from '../src/systems/veloflux';
import { useFeed } from '../src/useFeed';
import { useFeedGap } from '../src/useFeedGap';
import { useReferenceServer } from './support/referenceServer';
import { until } from './support/until';

const server = useReferenceServer({ quiet: true });
let client: VeloFluxClient;
beforeEach(() => {
  client = createClient({
    url: server.current.wsUrl,
    protocol: veloflux(),
    backoff: () => 0,
    linger: 0,
  });
});
afterEach(async () => {
  client.close();
  await server.current.waitForConnections((cs) => cs.length === 0);
});

const backendsSocket = () =>
  server.current.waitForConnections((cs) => cs.some((c) => c.path === '/api/ws/backends'));

describe('a reactive select', () => {
  it('select is tracked like a computed: a ref it reads re-selects at once, without re-subscribing', async () => {
    const address = ref(fleetAddress(1));
    const scope = effectScope();
    const backend = scope.run(() =>
      useBackends(() => ({
        select: (m) => m.backends.find((b) => b.address === address.value),
        isEqual: sameBackend,
        client,
      })),
    )!;
    const [before] = await backendsSocket();
    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => i),
    );
    expect((await until(backend, (b) => b !== undefined))?.connections).toBe(1);

    address.value = fleetAddress(7);
    await nextTick();
    // No new message: the selector ran again on the one the feed already has.
    expect(backend.value?.connections).toBe(7);
    const [after] = server.current.connections('veloflux');
    expect(after?.id).toBe(before?.id);
    expect(after?.messagesIn).toBe(before?.messagesIn);

    server.current.emit(
      'veloflux',
      fleetBackendStatus((i) => i * 10),
    );
    expect((await until(backend, (b) => b?.connections !== 7))?.connections).toBe(70);
    scope.stop();
  });

  it('a selector runs per message, not when the feed only flips its gap', async () => {
    // Takhin consumer groups are events: nothing is resent on reconnect, so the gap stays.
    const tak = createClient({
      url: server.current.wsUrl,
      protocol: takhin(),
      backoff: () => 0,
      linger: 0,
    });
    const group = tak.feed('consumerGroup', 'billing');
    let selections = 0;
    const scope = effectScope();
    const [members, gap] = scope.run(() => [
      useFeed(group, {
        select: (m) => {
          selections++;
          return m.data.members;
        },
      }),
      useFeedGap(group),
    ])!;
    await server.current.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.includes('group:billing')),
    );
    server.current.emit('takhin', {
      type: 'group_updated',
      timestamp: Math.floor(Date.now() / 1000),
      data: { groupId: 'billing', state: 'Stable', members: 3 },
    });
    await until(members, (n) => n === 3);
    expect(selections).toBe(1);

    await server.current.restart();
    await until(gap, (g) => g);
    expect(selections).toBe(1);
    expect(members.value).toBe(3);
    scope.stop();
    tak.close();
  });
});
