// @vitest-environment happy-dom
import { type FeedkitClient, takhin } from '@feedkit/client';
import type { Takhin } from '@feedkit/protocol';
import { exampleMessages, type MockServer, mockTakhin } from '@feedkit/testing';
import { feedkit, useClient, useConnectionState } from '@feedkit/vue';
import { useMetrics } from '@feedkit/vue/takhin';
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, onScopeDispose, shallowRef } from 'vue';

/**
 * The Vue twin of the dashboard's component test: live throughput, the
 * connection state and reported drift, with @feedkit/testing alone.
 */
const LiveThroughput = defineComponent({
  setup() {
    const client = useClient();
    const state = useConnectionState();
    const rate = useMetrics({ select: (m) => m.data.throughput.produceRate });
    const drift = shallowRef<string>();
    const subscription = client.errors$.subscribe((error) => {
      if (error.code === 'decode') drift.value = error.decodeError?.path.join('.') ?? error.message;
    });
    onScopeDispose(() => subscription.unsubscribe());
    return () =>
      h('section', [
        h(
          'span',
          { 'data-testid': 'state' },
          state.value.status === 'reconnecting'
            ? `reconnecting, attempt ${state.value.attempt}`
            : state.value.status,
        ),
        h(
          'p',
          { 'data-testid': 'rate' },
          rate.value === undefined ? 'waiting' : `${rate.value.toFixed(1)} msg/s`,
        ),
        drift.value ? h('p', { role: 'alert' }, `drift at ${drift.value}`) : null,
      ]);
  },
});

let server: MockServer<'takhin'>;
let client: FeedkitClient<ReturnType<typeof takhin>>;
let wrapper: VueWrapper | undefined;

beforeEach(() => {
  server = mockTakhin();
  // A long backoff, so the reconnecting state stays on screen until the test reconnects.
  client = server.createClient(takhin(), { backoff: () => 60_000 });
});
afterEach(() => {
  wrapper?.unmount();
  client.close();
  server.stop();
});

const metrics = (produceRate: number): Takhin.MetricsMessage => ({
  ...exampleMessages.takhin.metrics,
  data: {
    ...exampleMessages.takhin.metrics.data,
    throughput: { ...exampleMessages.takhin.metrics.data.throughput, produceRate },
  },
});

interface Source<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/** Waits for the first value of `source` that passes, then lets Vue render it. */
async function rendered<T>(source: Source<T>, test: (value: T) => boolean): Promise<void> {
  await new Promise<void>((resolve) => {
    const subscription = source.subscribe((value) => {
      if (!test(value)) return;
      queueMicrotask(() => subscription.unsubscribe());
      resolve();
    });
  });
  await nextTick();
}

function mountIt(): VueWrapper {
  wrapper = mount(LiveThroughput, { global: { plugins: [[feedkit, { client }]] } });
  return wrapper;
}

const text = (w: VueWrapper, id: string) => w.get(`[data-testid="${id}"]`).text();

describe('a Vue component over @feedkit/testing', () => {
  it('renders live data', async () => {
    const w = mountIt();
    expect(text(w, 'rate')).toBe('waiting');
    await server.waitForConnection();
    server.emit('metrics', metrics(1500.5));
    await rendered(client.feed('metrics'), (m) => m.data.throughput.produceRate === 1500.5);
    expect(text(w, 'rate')).toBe('1500.5 msg/s');
    expect(text(w, 'state')).toBe('open');
  });

  it('shows the reconnecting state when the server drops, and live data again after', async () => {
    const w = mountIt();
    const first = await server.waitForConnection();
    server.close(1012);
    await rendered(client.state$, (s) => s.status === 'reconnecting');
    expect(text(w, 'state')).toBe('reconnecting, attempt 1');
    client.reconnectNow();
    await server.waitForConnection((c) => c !== first);
    await rendered(client.state$, (s) => s.status === 'open');
    expect(text(w, 'state')).toBe('open');
    server.emit('metrics', metrics(7));
    await rendered(client.feed('metrics'), (m) => m.data.throughput.produceRate === 7);
    expect(text(w, 'rate')).toBe('7.0 msg/s');
  });

  it('shows the drift of a message that no longer matches the document', async () => {
    const w = mountIt();
    await server.waitForConnection();
    server.emit('metrics', metrics(10));
    await rendered(client.feed('metrics'), (m) => m.data.throughput.produceRate === 10);
    const drifted = metrics(11) as unknown as { data: { throughput: Record<string, unknown> } };
    drifted.data.throughput.produceRate = '11/s';
    server.send(drifted);
    await rendered(client.errors$, (e) => e.code === 'decode');
    expect(w.get('[role="alert"]').text()).toBe('drift at data.throughput.produceRate');
    // The last good value stays on screen: drift is reported, not rendered as data.
    expect(text(w, 'rate')).toBe('10.0 msg/s');
  });
});
