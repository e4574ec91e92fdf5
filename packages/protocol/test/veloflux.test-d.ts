import { expectTypeOf, it } from 'vitest';
import { type FeedMessage, VeloFlux } from '../src/index';

it('decoded messages carry the seed types without a cast', () => {
  const result = VeloFlux.adapter.decode('');
  if (result.kind !== 'message') return;
  const message = result.message;
  if (message.type === 'metrics') {
    expectTypeOf(message.data.requests_per_second).toEqualTypeOf<number>();
    expectTypeOf(message.data.pool_metrics).toEqualTypeOf<Record<string, VeloFlux.PoolMetrics>>();
    expectTypeOf(message.data.load_distribution['web-servers']).toEqualTypeOf<number | undefined>();
    expectTypeOf(message.timestamp).toEqualTypeOf<string>();
    expectTypeOf(message.forced).toEqualTypeOf<boolean | null | undefined>();
  }
  if (message.type === 'backend_status') {
    expectTypeOf(message.forced).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(message.backends[0]!.health_check?.expected_status).toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf(message.backends[0]!.healthy).toEqualTypeOf<boolean>();
  }
  if (message.type === 'system_status') {
    expectTypeOf(message.data.uptime).toEqualTypeOf<string>();
  }
});

it('feeds are typed by what they deliver', () => {
  expectTypeOf<
    FeedMessage<ReturnType<typeof VeloFlux.feeds.backends>>
  >().toEqualTypeOf<VeloFlux.BackendStatusMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof VeloFlux.feeds.metrics>>
  >().toEqualTypeOf<VeloFlux.MetricsMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof VeloFlux.feeds.status>>
  >().toEqualTypeOf<VeloFlux.SystemStatusMessage>();
});

it('VeloFlux sockets take no commands, and REST bodies are typed', () => {
  expectTypeOf<VeloFlux.ClientCommand>().toBeNever();
  expectTypeOf(VeloFlux.adapter.reconcile(new Set(), new Set())).toEqualTypeOf<never[]>();
  expectTypeOf<VeloFlux.ControlRequest>().toEqualTypeOf<{
    action: 'pause' | 'resume';
    type: 'backends' | 'metrics' | 'status' | 'all';
  }>();
  // @ts-expect-error `cpu` is not an update type
  const bad: VeloFlux.ForceUpdateRequest = { type: 'cpu' };
  void bad;
});
