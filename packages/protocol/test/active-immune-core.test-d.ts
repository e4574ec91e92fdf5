import { expectTypeOf, it } from 'vitest';
import { ActiveImmuneCore as AIC, type EndpointResponse, type FeedMessage } from '../src/index';

it('a decoded leader_elected carries the seed types without a cast', () => {
  const result = AIC.adapter.decode('');
  if (
    result.kind === 'message' &&
    'event_type' in result.message &&
    result.message.event_type === 'leader_elected'
  ) {
    // The event is about its leader; the term is secondary (issue 11: one missing
    // secondary field must not drop the event).
    expectTypeOf(result.message.data.term).toEqualTypeOf<number | null | undefined>();
    expectTypeOf(result.message.data.leader_id).toEqualTypeOf<string>();
    expectTypeOf(result.message.room).toEqualTypeOf<string | null | undefined>();
  }
  if (
    result.kind === 'message' &&
    'event_type' in result.message &&
    result.message.event_type === 'agent_updated'
  ) {
    expectTypeOf(result.message.data.agent_id).toEqualTypeOf<string>();
    expectTypeOf(result.message.data.agent_type).toEqualTypeOf<string | null | undefined>();
  }
  if (result.kind === 'message' && 'success' in result.message) {
    expectTypeOf(result.message.success).toEqualTypeOf<boolean>();
  }
});

it('feeds are typed by what they deliver', () => {
  expectTypeOf<FeedMessage<ReturnType<typeof AIC.feeds.room>>>().toEqualTypeOf<AIC.ServerEvent>();
  expectTypeOf<FeedMessage<ReturnType<typeof AIC.feeds.all>>>().toEqualTypeOf<AIC.ServerEvent>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof AIC.feeds.eventType<'leader_elected'>>>
  >().toEqualTypeOf<AIC.LeaderElectedEvent>();
  const feed = AIC.feeds.eventType('consensus_decided');
  expectTypeOf<FeedMessage<typeof feed>['data']['approval_rate']>().toEqualTypeOf<
    number | null | undefined
  >();
  // @ts-expect-error only the seed's event types have feeds
  AIC.feeds.eventType('agent_exploded');
});

it('event groups are unions of their types', () => {
  expectTypeOf<AIC.AgentEvent['event_type']>().toEqualTypeOf<
    'agent_created' | 'agent_updated' | 'agent_deleted' | 'agent_status_changed' | 'agent_action'
  >();
  expectTypeOf<AIC.CoordinationEvent['event_type']>().toEqualTypeOf<
    'election_triggered' | 'leader_elected' | 'consensus_proposed' | 'consensus_decided'
  >();
  expectTypeOf<AIC.SystemEvent['event_type']>().toEqualTypeOf<
    'health_changed' | 'metrics_updated' | 'alert_triggered'
  >();
  expectTypeOf<AIC.TaskEvent['data']['task_id']>().toEqualTypeOf<string>();
});

it('REST bodies are typed', () => {
  expectTypeOf<EndpointResponse<typeof AIC.endpoints.stats>['rooms']>().toEqualTypeOf<
    Record<string, number>
  >();
  // The seed shows no answer to a broadcast.
  expectTypeOf<EndpointResponse<typeof AIC.endpoints.broadcast>>().toEqualTypeOf<unknown>();
});
