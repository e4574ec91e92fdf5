import { takhin, veloflux } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { takhinMetrics } from '../../protocol/fixtures/benchMessages';
import { FeedkitProvider, useClient } from '../src/index';
import { useMetrics } from '../src/systems/takhin';
import { useSystemStatus } from '../src/systems/veloflux';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startQuietServer();
});
afterAll(() => server.stop());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Shows the error a child threw, the same way on React 18 and 19. */
class Catch extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>{this.state.error.message}</p> : this.props.children;
  }
}

function TakhinMetrics() {
  const metrics = useMetrics();
  return <p>{metrics ? 'metrics' : 'waiting'}</p>;
}

function VeloFluxStatus() {
  const status = useSystemStatus();
  return <p>{status ? 'status' : 'waiting'}</p>;
}

function ClientSystem() {
  return <p>{useClient().system}</p>;
}

it('useClient returns the provider client', () => {
  const client = liveClient(server, takhin());
  render(
    <FeedkitProvider client={client}>
      <ClientSystem />
    </FeedkitProvider>,
  );
  expect(screen.getByText('takhin')).toBeTruthy();
  client.close();
});

it('a hook without a provider says to add one', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <Catch>
      <TakhinMetrics />
    </Catch>,
  );
  expect(
    screen.getByText(
      /^@feedkit\/react\/takhin: no client found\. Wrap your components in <FeedkitProvider.*of the takhin protocol/,
    ),
  ).toBeTruthy();
});

it("a system's hook under another system's client fails clearly and subscribes to nothing", () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const client = liveClient(server, takhin());
  render(
    <FeedkitProvider client={client}>
      <Catch>
        <VeloFluxStatus />
      </Catch>
    </FeedkitProvider>,
  );
  expect(
    screen.getByText(
      "feedkit: this hook reads a 'veloflux' feed, but the FeedkitProvider's client speaks 'takhin'. " +
        'Give it a client created with the veloflux protocol, or nest a second FeedkitProvider for veloflux.',
    ),
  ).toBeTruthy();
  expect(client.state.connections).toHaveLength(0);
  client.close();
});

function PassedClientMetrics({
  client,
}: {
  client: ReturnType<typeof liveClient<ReturnType<typeof takhin>>>;
}) {
  const metrics = useMetrics({ client, select: (m) => m.type });
  return <p>{metrics ?? 'waiting'}</p>;
}

it('a per-system hook takes { client }: no provider needed, and it wins over the provider', async () => {
  const client = liveClient(server, takhin());
  const other = liveClient(server, veloflux());
  render(
    <FeedkitProvider client={other}>
      <PassedClientMetrics client={client} />
    </FeedkitProvider>,
  );
  await server.waitForConnections((cs) => cs.some((c) => c.system === 'takhin'));
  server.emit('takhin', takhinMetrics());
  expect(await screen.findByText('metrics')).toBeTruthy();
  expect(other.state.connections).toHaveLength(0);
  client.close();
  other.close();
});
