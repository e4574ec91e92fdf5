import { createClient, plataformaE } from '@feedkit/client';
import { startReferenceServer } from '@feedkit/reference-server';
import { mount } from '@vue/test-utils';
import { filter, firstValueFrom } from 'rxjs';
import { expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { FeedkitProvider } from '../src/FeedkitProvider';
import { useConnectionState } from '../src/index';
import { useLogs, useNotifications } from '../src/systems/plataforma-e';

const Dashboard = defineComponent({
  setup() {
    const notification = useNotifications();
    const log = useLogs({ level: 'error' });
    const state = useConnectionState();
    return () =>
      h('p', `${state.value.status} ${notification.value?.type ?? '-'} ${log.value?.type ?? '-'}`);
  },
});

it('composables on two sockets of a server that is down, nobody on errors$: one console line per socket, not one per reconnect', async () => {
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
    logger: { warn: (line: string) => lines.push(line) },
  });
  const wrapper = mount(
    defineComponent({
      setup: () => () => h(FeedkitProvider, { client }, { default: () => h(Dashboard) }),
    }),
  );
  // Both sockets (/ws/notifications, /ws/logs) have failed several times, their errors interleaved.
  await firstValueFrom(
    client.state$.pipe(
      filter((s) => s.connections.length === 2 && s.connections.every((c) => c.attempt >= 5)),
    ),
  );
  wrapper.unmount();
  client.close();
  expect(lines).toHaveLength(2);
  expect(lines.map((l) => l.match(/\/ws\/\w+/)?.[0]).sort()).toEqual([
    '/ws/logs',
    '/ws/notifications',
  ]);
  expect(lines.every((l) => /^\[feedkit\] connection: .*ECONNREFUSED/.test(l))).toBe(true);
});
