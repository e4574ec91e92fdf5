// @vitest-environment happy-dom
import { type FeedkitClient, takhin } from '@feedkit/client';
import { FeedkitProvider, useClient, useConnectionState } from '@feedkit/react';
import { useMetrics } from '@feedkit/react/takhin';
import { exampleMessages, type MockServer, mockTakhin } from '@feedkit/testing';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * A component as an app would write one: live throughput, the connection
 * state, and the drift the client reports (a message that no longer matches
 * the document), tested with @feedkit/testing alone: no server, no sockets.
 */
function LiveThroughput() {
  const client = useClient();
  const state = useConnectionState();
  const rate = useMetrics({ select: (m) => m.data.throughput.produceRate });
  const [drift, setDrift] = useState<string>();
  useEffect(() => {
    const subscription = client.errors$.subscribe((error) => {
      if (error.code === 'decode') setDrift(error.decodeError?.path.join('.') ?? error.message);
    });
    return () => subscription.unsubscribe();
  }, [client]);
  return (
    <section>
      <span data-testid="state">
        {state.status === 'reconnecting' ? `reconnecting, attempt ${state.attempt}` : state.status}
      </span>
      <p data-testid="rate">{rate === undefined ? 'waiting' : `${rate.toFixed(1)} msg/s`}</p>
      {drift && <p role="alert">drift at {drift}</p>}
    </section>
  );
}

let server: MockServer<'takhin'>;
let client: FeedkitClient<ReturnType<typeof takhin>>;

beforeEach(() => {
  server = mockTakhin();
  // A long backoff, so the reconnecting state stays on screen until the test reconnects.
  client = server.createClient(takhin(), { backoff: () => 60_000 });
});
afterEach(() => {
  cleanup();
  client.close();
  server.stop();
});

const metrics = (produceRate: number) => ({
  ...exampleMessages.takhin.metrics,
  data: {
    ...exampleMessages.takhin.metrics.data,
    throughput: { ...exampleMessages.takhin.metrics.data.throughput, produceRate },
  },
});

function mount() {
  render(
    <FeedkitProvider client={client}>
      <LiveThroughput />
    </FeedkitProvider>,
  );
}

describe('a React component over @feedkit/testing', () => {
  it('renders live data', async () => {
    mount();
    expect(screen.getByTestId('rate').textContent).toBe('waiting');
    await server.waitForConnection();
    server.emit('metrics', metrics(1500.5));
    expect(await screen.findByText('1500.5 msg/s')).toBeTruthy();
    server.emit('metrics', metrics(42));
    expect(await screen.findByText('42.0 msg/s')).toBeTruthy();
    expect(screen.getByTestId('state').textContent).toBe('open');
  });

  it('shows the reconnecting state when the server drops, and live data again after', async () => {
    mount();
    const first = await server.waitForConnection();
    server.close(1012);
    expect(await screen.findByText('reconnecting, attempt 1')).toBeTruthy();
    act(() => client.reconnectNow());
    await server.waitForConnection((c) => c !== first);
    expect(await screen.findByText('open')).toBeTruthy();
    server.emit('metrics', metrics(7));
    expect(await screen.findByText('7.0 msg/s')).toBeTruthy();
  });

  it('shows the drift of a message that no longer matches the document', async () => {
    mount();
    await server.waitForConnection();
    server.emit('metrics', metrics(10));
    await screen.findByText('10.0 msg/s');
    const drifted = metrics(11) as { data: { throughput: Record<string, unknown> } };
    drifted.data.throughput.produceRate = '11/s';
    server.send(drifted);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'drift at data.throughput.produceRate',
    );
    // The last good value stays on screen: drift is reported, not rendered as data.
    expect(screen.getByTestId('rate').textContent).toBe('10.0 msg/s');
  });
});
