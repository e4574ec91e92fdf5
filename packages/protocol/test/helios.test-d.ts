import { expectTypeOf, it } from 'vitest';
import { type EndpointResponse, type FeedMessage, Helios } from '../src/index';

it('decoded status carries the seed types without a cast', () => {
  const result = Helios.adapter.decode('');
  if (result.kind === 'message' && result.message.type === 'status') {
    expectTypeOf(result.message.data.term).toEqualTypeOf<number>();
    // The seed's three roles complete in the editor; a library's `Shutdown` still types.
    expectTypeOf(result.message.data.state).toEqualTypeOf<Helios.RaftState | (string & {})>();
    expectTypeOf<Helios.RaftState>().toEqualTypeOf<'Follower' | 'Candidate' | 'Leader'>();
    // Go marshals a nil slice as null.
    expectTypeOf(result.message.data.peers).toEqualTypeOf<string[] | null>();
    expectTypeOf(result.message.timestamp).toEqualTypeOf<string>();
  }
  if (result.kind === 'message' && result.message.type === 'latency') {
    expectTypeOf(result.message.data.aggregated.append_entries).toEqualTypeOf<
      Helios.LatencyStat | undefined
    >();
  }
});

it('feeds are typed by what they deliver', () => {
  expectTypeOf<FeedMessage<ReturnType<typeof Helios.feeds.status>>>().toEqualTypeOf<
    Helios.StatusMessage | Helios.StatusUpdateMessage
  >();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.stateChanges>>
  >().toEqualTypeOf<Helios.StateChangeMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.peerChanges>>
  >().toEqualTypeOf<Helios.PeerChangeMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.latency>>
  >().toEqualTypeOf<Helios.LatencyMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.uptime>>
  >().toEqualTypeOf<Helios.UptimeMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.snapshots>>
  >().toEqualTypeOf<Helios.SnapshotMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Helios.feeds.customMetrics>>
  >().toEqualTypeOf<Helios.CustomMetricsMessage>();
});

it('commands and REST bodies are typed', () => {
  expectTypeOf<Helios.ClientCommand['type']>().toEqualTypeOf<
    'ping' | 'subscribe' | 'unsubscribe'
  >();
  expectTypeOf<EndpointResponse<typeof Helios.endpoints.login>['token']>().toEqualTypeOf<string>();
  // @ts-expect-error a subscribe needs all seven flags
  const partial: Helios.SubscribeCommand = { type: 'subscribe', data: { status: true } };
  void partial;
});
