import type { Feed } from '@feedkit/client';
import type { ActiveImmuneCore, Helios, PlataformaE, Takhin, VeloFlux } from '@feedkit/protocol';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createHooks,
  useConnectionState,
  useFeed,
  useRestAction,
  useSuspenseFeed,
} from '../src/index';
import {
  useBroadcast as useAicBroadcast,
  useEventType,
  useRoomEvents,
} from '../src/systems/active-immune-core';
import { useClusterStatus, useLogin } from '../src/systems/helios';
import {
  useLogs,
  useBroadcast as usePlataformaEBroadcast,
  useProjectEvents,
} from '../src/systems/plataforma-e';
import * as takhin from '../src/systems/takhin';
import * as veloflux from '../src/systems/veloflux';

// Type tests only: nothing here runs, so hooks are called outside components.
describe('named hooks carry the seed types without a cast', () => {
  it('Takhin useMetrics() is the metrics message', () => {
    expectTypeOf(takhin.useMetrics()).toEqualTypeOf<Takhin.MetricsMessage | undefined>();
    expectTypeOf(takhin.useConsumerGroup('orders')).toEqualTypeOf<
      Takhin.GroupUpdatedMessage | undefined
    >();
    expectTypeOf(takhin.useTopicEvents('orders')).toEqualTypeOf<
      Takhin.TopicEventMessage | undefined
    >();
  });

  it('a select narrows the type', () => {
    const p99 = takhin.useMetrics({ select: (m) => m.data.latency.produceP99 });
    expectTypeOf(p99).toEqualTypeOf<number | undefined>();
    const backend = veloflux.useBackends({ select: (m) => m.backends[0] });
    expectTypeOf(backend).toEqualTypeOf<VeloFlux.Backend | undefined>();
    const members = takhin.useConsumerGroup('g', { select: (m) => m.data.members });
    expectTypeOf(members).toEqualTypeOf<number | undefined>();
  });

  it('isEqual compares selected values', () => {
    takhin.useMetrics({
      select: (m) => m.data.throughput,
      isEqual: (a, b) => {
        expectTypeOf(a).toEqualTypeOf<Takhin.MetricsMessage['data']['throughput']>();
        return a.produceRate === b.produceRate;
      },
    });
  });

  it('every system hook is typed by its feed', () => {
    expectTypeOf(veloflux.useMetrics()).toEqualTypeOf<VeloFlux.MetricsMessage | undefined>();
    expectTypeOf(useProjectEvents('PROJ-1')).toEqualTypeOf<PlataformaE.DataMessage | undefined>();
    expectTypeOf(useLogs({ level: 'error' })).toEqualTypeOf<PlataformaE.LogMessage | undefined>();
    expectTypeOf(useClusterStatus()).toEqualTypeOf<Helios.AnyStatusMessage | undefined>();
    expectTypeOf(useRoomEvents('alpha')).toEqualTypeOf<ActiveImmuneCore.ServerEvent | undefined>();
    expectTypeOf(useEventType('leader_elected')).toEqualTypeOf<
      ActiveImmuneCore.LeaderElectedEvent | undefined
    >();
  });

  it('arguments are checked', () => {
    // @ts-expect-error a topic hook needs the topic
    takhin.useTopicEvents();
    // @ts-expect-error not a log level
    useLogs({ level: 'loud' });
    // @ts-expect-error not an Active Immune Core event type
    useEventType('nope');
  });
});

describe('base hooks', () => {
  it('useFeed returns the message or the selected slice', () => {
    const feed = {} as Feed<Takhin.MetricsMessage>;
    expectTypeOf(useFeed(feed)).toEqualTypeOf<Takhin.MetricsMessage | undefined>();
    expectTypeOf(useFeed(feed, { select: (m) => m.timestamp })).toEqualTypeOf<number | undefined>();
  });

  it('createHooks is typed by the client: a wrong feed name does not compile', () => {
    const client = takhin.useTakhinClient();
    const hooks = createHooks(client);
    expectTypeOf(hooks.useFeed('metrics')).toEqualTypeOf<Takhin.MetricsMessage | undefined>();
    expectTypeOf(
      hooks.useFeed('consumerGroup', ['orders'], { select: (m) => m.data.state }),
    ).toEqualTypeOf<string | undefined>();
    // @ts-expect-error Takhin has no 'backends' feed
    hooks.useFeed('backends');
    // @ts-expect-error nor does client.feed
    client.feed('backends');
    // @ts-expect-error consumerGroup needs its group id
    hooks.useFeed('consumerGroup');
  });

  it('useConnectionState exposes the retry schedule', () => {
    const state = useConnectionState();
    expectTypeOf(state.status).toEqualTypeOf<
      'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed'
    >();
    expectTypeOf(state.nextRetryAt).toEqualTypeOf<number | undefined>();
  });

  it('useRestAction keeps the arguments and result of the function', () => {
    const action = useRestAction(async (id: string, force: boolean) => ({ id, force }));
    expectTypeOf(action.run).parameters.toEqualTypeOf<[string, boolean]>();
    expectTypeOf(action.data).toEqualTypeOf<{ id: string; force: boolean } | undefined>();
    const login = useLogin();
    expectTypeOf(login.run).parameters.toEqualTypeOf<[Helios.LoginRequest]>();
  });
});

describe('hooks added for issues 10 and 13', () => {
  it('useSuspenseFeed has no undefined of its own', () => {
    const feed = {} as Feed<Takhin.MetricsMessage>;
    expectTypeOf(useSuspenseFeed(feed)).toEqualTypeOf<Takhin.MetricsMessage>();
    expectTypeOf(
      useSuspenseFeed(feed, { select: (m) => m.data.latency.produceP99 }),
    ).toEqualTypeOf<number>();
  });

  it('per-system hooks take their own system’s client, and only that', () => {
    const takhinClient = takhin.useTakhinClient();
    const velofluxClient = veloflux.useVeloFluxClient();
    expectTypeOf(takhin.useMetrics({ client: takhinClient })).toEqualTypeOf<
      Takhin.MetricsMessage | undefined
    >();
    // @ts-expect-error a VeloFlux client cannot feed a Takhin hook
    takhin.useMetrics({ client: velofluxClient });
    expectTypeOf(takhin.useTakhinClient(takhinClient)).toEqualTypeOf<takhin.TakhinClient>();
  });

  it('REST hooks are typed by their endpoint and take an optional client', () => {
    expectTypeOf(veloflux.usePause().run).parameters.toEqualTypeOf<
      [type?: VeloFlux.UpdateTarget]
    >();
    expectTypeOf(veloflux.useForceUpdate(veloflux.useVeloFluxClient()).data).toEqualTypeOf<
      VeloFlux.ForceUpdateResponse | undefined
    >();
    expectTypeOf(usePlataformaEBroadcast().run).parameters.toEqualTypeOf<
      [body: PlataformaE.BroadcastRequest]
    >();
    expectTypeOf(useAicBroadcast().data).toEqualTypeOf<
      ActiveImmuneCore.BroadcastResponse | undefined
    >();
  });
});
