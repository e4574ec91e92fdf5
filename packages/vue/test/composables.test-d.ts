import type { ActiveImmuneCore, Helios, PlataformaE, Takhin, VeloFlux } from '@feedkit/protocol';
import { describe, expectTypeOf, it } from 'vitest';
import { ref, type ShallowRef } from 'vue';
import { createHooks } from '../src/createHooks';
import { useBroadcast as useAicBroadcast, useEventType } from '../src/systems/active-immune-core';
import { useBroadcast as usePlataformaEBroadcast } from '../src/systems/plataforma-e';
import {
  type TakhinClient,
  useConsumerGroup,
  useMetrics,
  useTopicEvents,
} from '../src/systems/takhin';
import { useForceUpdate, usePause, useResume, type VeloFluxClient } from '../src/systems/veloflux';
import { useFeed } from '../src/useFeed';
import { useSuspenseFeed } from '../src/useSuspenseFeed';

declare const client: TakhinClient;

describe('@feedkit/vue/takhin types', () => {
  it('useMetrics() is a readonly shallow ref of the seed metrics message, no cast', () => {
    expectTypeOf(useMetrics()).toEqualTypeOf<
      Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>
    >();
  });

  it('a selector narrows the ref to the slice', () => {
    const lag = useMetrics({ select: (m) => m.data.consumerLags.map((c) => c.totalLag) });
    expectTypeOf(lag).toEqualTypeOf<Readonly<ShallowRef<number[] | undefined>>>();
  });

  it('the ref cannot be written', () => {
    const metrics = useMetrics();
    // @ts-expect-error readonly: the feed owns the value
    metrics.value = undefined;
  });

  it('arguments take refs, getters or plain values', () => {
    expectTypeOf(useTopicEvents('orders')).toEqualTypeOf<
      Readonly<ShallowRef<Takhin.TopicEventMessage | undefined>>
    >();
    useTopicEvents(ref('orders'));
    useConsumerGroup(() => 'billing');
    // @ts-expect-error a topic is a string
    useTopicEvents(ref(42));
  });

  it('useFeed infers the message from the feed', () => {
    expectTypeOf(useFeed(client.feed('consumerGroup', 'billing'))).toEqualTypeOf<
      Readonly<ShallowRef<Takhin.GroupUpdatedMessage | undefined>>
    >();
  });

  it('useSuspenseFeed resolves to the message (or the slice) with no undefined of its own', () => {
    expectTypeOf(useSuspenseFeed(client.feed('consumerGroup', 'billing'))).toEqualTypeOf<
      Promise<Readonly<ShallowRef<Takhin.GroupUpdatedMessage>>>
    >();
    expectTypeOf(
      useSuspenseFeed(() => client.feed('metrics'), {
        select: (m) => m.data.throughput.produceRate,
      }),
    ).toEqualTypeOf<Promise<Readonly<ShallowRef<number>>>>();
  });

  it('createHooks: a wrong feed name or argument does not compile', () => {
    const hooks = createHooks(client);
    expectTypeOf(hooks.useFeed('metrics')).toEqualTypeOf<
      Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>
    >();
    hooks.useFeed('topic', ['orders']);
    hooks.useFeed('topic', () => ['orders'] as [string]);
    // @ts-expect-error Takhin has no `backends` feed
    hooks.useFeed('backends');
    // @ts-expect-error `topic` needs its name
    hooks.useFeed('topic');
    // @ts-expect-error the name is a string
    hooks.useFeed('topic', [1]);
    // @ts-expect-error the client has no such feed either
    client.feed('backends');
  });
});

describe('@feedkit/vue/helios types', () => {
  it('useLogin is typed by the Helios login endpoint', async () => {
    const { useLogin } = await import('../src/systems/helios');
    const login = useLogin();
    expectTypeOf(login.run).parameters.toEqualTypeOf<[Helios.LoginRequest]>();
    expectTypeOf(login.data).toEqualTypeOf<
      Readonly<ShallowRef<Helios.LoginResponse | undefined>>
    >();
  });
});

describe('options and composables added for issues 10 and 13', () => {
  it('options may be a getter or a ref, and still infer the slice', () => {
    const id = ref('orders');
    const lag = useMetrics(() => ({
      select: (m) => m.data.consumerLags.find((c) => c.groupId === id.value)?.totalLag,
    }));
    expectTypeOf(lag).toEqualTypeOf<Readonly<ShallowRef<number | undefined>>>();
    const options = ref({ select: (m: Takhin.MetricsMessage) => m.timestamp });
    expectTypeOf(useFeed(client.feed('metrics'), options)).toEqualTypeOf<
      Readonly<ShallowRef<number | undefined>>
    >();
  });

  it('per-system composables take their own system’s client, and only that', () => {
    expectTypeOf(useMetrics({ client })).toEqualTypeOf<
      Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>
    >();
    // @ts-expect-error a VeloFlux client cannot feed a Takhin composable
    useMetrics({ client: {} as VeloFluxClient });
  });

  it('useEventType is typed by its event type, as in React', () => {
    expectTypeOf(useEventType('leader_elected')).toEqualTypeOf<
      Readonly<ShallowRef<ActiveImmuneCore.LeaderElectedEvent | undefined>>
    >();
    // @ts-expect-error not an Active Immune Core event type
    useEventType('nope');
  });

  it('REST composables mirror React’s hooks, typed by their endpoint', () => {
    expectTypeOf(usePause().run).parameters.toEqualTypeOf<[type?: VeloFlux.UpdateTarget]>();
    expectTypeOf(useForceUpdate().data).toEqualTypeOf<
      Readonly<ShallowRef<VeloFlux.ForceUpdateResponse | undefined>>
    >();
    expectTypeOf(useResume().pending).toEqualTypeOf<Readonly<ShallowRef<boolean>>>();
    expectTypeOf(usePlataformaEBroadcast().run).parameters.toEqualTypeOf<
      [body: PlataformaE.BroadcastRequest]
    >();
    expectTypeOf(useAicBroadcast().data).toEqualTypeOf<
      Readonly<ShallowRef<ActiveImmuneCore.BroadcastResponse | undefined>>
    >();
  });
});
