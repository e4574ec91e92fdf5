// @vitest-environment node
import { type FeedkitClient, takhin } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FeedkitProvider, useConnectionState, useFeedGap } from '../src/index';
import { useConsumerGroup, useMetrics } from '../src/systems/takhin';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof takhin>>;
beforeAll(async () => {
  server = await startQuietServer();
  client = liveClient(server, takhin());
});
afterAll(async () => {
  client.close();
  await server.stop();
});

function Page() {
  const throughput = useMetrics({ select: (m) => m.data.throughput.produceRate });
  const members = useConsumerGroup('billing', { select: (m) => m.data.members });
  const { status } = useConnectionState();
  const gap = useFeedGap(client.feed('metrics'));
  return (
    <p>{`rate=${throughput ?? 'none'} members=${members ?? 'none'} status=${status} gap=${gap}`}</p>
  );
}

it('server rendering renders a defined initial state and opens no socket', () => {
  const html = renderToString(
    <FeedkitProvider client={client}>
      <Page />
    </FeedkitProvider>,
  );
  expect(html).toBe('<p>rate=none members=none status=idle gap=false</p>');
  // The client creates its connection synchronously when a feed gets its first holder.
  expect(client.state.connections).toHaveLength(0);
  expect(client.state.status).toBe('idle');
  expect(server.connections()).toHaveLength(0);
});

it('the check above can fail: one listener is enough to create a connection', () => {
  const stop = client.feed('metrics').listen(() => {});
  expect(client.state.connections).toHaveLength(1);
  stop();
});
