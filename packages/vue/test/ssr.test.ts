// @vitest-environment node
// No window here, as on a real server: that is how the composables know not to subscribe.
import { createClient, takhin } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h, onErrorCaptured, ref, Suspense } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { feedkit } from '../src/feedkit';
import { useMetrics, useTopicEvents } from '../src/systems/takhin';
import { useConnectionState } from '../src/useConnectionState';
import { useFeedEvent } from '../src/useFeedEvent';
import { useFeedGap } from '../src/useFeedGap';
import { useSuspenseFeed } from '../src/useSuspenseFeed';
import { useReferenceServer } from './support/referenceServer';

const server = useReferenceServer();

describe('server rendering', () => {
  it('renders the initial state and opens no socket', async () => {
    const client = createClient({ url: server.current.wsUrl, protocol: takhin(), linger: 0 });
    const received: unknown[] = [];
    const app = createSSRApp(
      defineComponent({
        setup() {
          const state = useConnectionState();
          const metrics = useMetrics();
          const topic = useTopicEvents(ref('orders'));
          const gap = useFeedGap(client.feed('metrics'));
          useFeedEvent(client.feed('metrics'), (m) => received.push(m));
          return () =>
            h('p', [
              `${state.value.status}`,
              metrics.value === undefined ? ' no metrics' : ' metrics',
              topic.value === undefined ? ' no topic' : ' topic',
              gap.value ? ' gap' : ' no gap',
            ]);
        },
      }),
    );
    app.use(feedkit, { client });
    const html = await renderToString(app);
    expect(html).toBe('<p>idle no metrics no topic no gap</p>');

    // A second, real client proves the server is reachable and counting: it
    // sees exactly its own connection, and the rendered client none.
    const probe = createClient({ url: server.current.wsUrl, protocol: takhin(), linger: 0 });
    const stop = probe.feed('metrics').listen(() => {});
    const connections = await server.current.waitForConnections((cs) => cs.length > 0);
    expect(connections).toHaveLength(1);
    expect(client.state.status).toBe('idle');
    expect(client.state.connections).toHaveLength(0);
    expect(received).toHaveLength(0);
    stop();
    probe.close();
    client.close();
  });

  it('useSuspenseFeed rejects on the server, to onErrorCaptured, and opens no socket', async () => {
    const client = createClient({ url: server.current.wsUrl, protocol: takhin(), linger: 0 });
    let caught: string | undefined;
    const Rate = defineComponent({
      async setup() {
        const metrics = await useSuspenseFeed(client.feed('metrics'));
        return () => h('p', String(metrics.value.data.throughput.produceRate));
      },
    });
    const app = createSSRApp(
      defineComponent(() => {
        onErrorCaptured((error) => {
          caught = error.message;
          return false;
        });
        return () => h(Suspense, null, { default: () => h(Rate), fallback: () => h('p', '…') });
      }),
    );
    // The first test's probe socket is gone before this render starts.
    await server.current.waitForConnections((cs) => cs.length === 0);
    await renderToString(app);
    expect(caught).toMatch(/useSuspenseFeed: a live feed has no data on the server/);
    expect(client.state.connections).toHaveLength(0);
    expect(server.current.connections()).toHaveLength(0);
    client.close();
  });
});
