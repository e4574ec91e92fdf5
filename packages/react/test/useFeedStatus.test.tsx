import { type FeedkitClient, type FeedStatusName, takhin } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFeedStatus } from '../src/index';
import { liveClient, startQuietServer } from './support/live';

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof takhin>>;

beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, takhin());
});

afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

function Badge({ seen }: { seen: FeedStatusName[] }) {
  const { status, lastMessageAt } = useFeedStatus(client.feed('metrics'));
  if (seen.at(-1) !== status) seen.push(status);
  return <p>{`${status} ${lastMessageAt === undefined ? 'no data' : 'data'}`}</p>;
}

describe('useFeedStatus against the reference server', () => {
  it('reads connecting, then live with data, reconnecting across a restart, live again', async () => {
    const seen: FeedStatusName[] = [];
    render(<Badge seen={seen} />);
    expect(seen[0]).toBe('connecting');
    // Takhin sends the metrics on connect.
    await screen.findByText('live data');
    await act(() => server.restart());
    await screen.findByText('live data');
    expect(seen).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(server.connections('takhin')).toHaveLength(1);
  });

  it('is offline, saying why, once the client is closed', async () => {
    render(<Badge seen={[]} />);
    await screen.findByText('live data');
    act(() => client.close());
    await screen.findByText('offline data');
  });
});
