import type { Helios, PlataformaE, Takhin, VeloFlux } from '@feedkit/protocol';
import { expectTypeOf, it } from 'vitest';
import {
  activeImmuneCore,
  createClient,
  type DriftedMessage,
  type DriftSnapshot,
  type Feed,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '../src/index';

const url = 'ws://localhost:8080';

it('feed names are typed by the protocol: Takhin metrics is the seed metrics type', () => {
  const client = createClient({ url, protocol: takhin({ apiKey: 'k' }) });
  expectTypeOf(client.feed('metrics')).toEqualTypeOf<Feed<Takhin.MetricsMessage>>();
  expectTypeOf(client.feed('metrics').getSnapshot()).toEqualTypeOf<
    Takhin.MetricsMessage | undefined
  >();
  expectTypeOf(client.feed('topic', 'orders')).toEqualTypeOf<Feed<Takhin.TopicEventMessage>>();
  client.feed('metrics').subscribe((m) => {
    expectTypeOf(m.data.latency.produceP99).toEqualTypeOf<number>();
  });
  // @ts-expect-error Takhin has no 'backends' feed
  client.feed('backends');
  // @ts-expect-error a topic feed needs a topic name
  client.feed('topic');
  // @ts-expect-error the name is a string
  client.feed('topic', 42);
});

it('every system types its feeds and its REST helpers', () => {
  const v = createClient({ url, protocol: veloflux() });
  expectTypeOf(v.feed('backends').getSnapshot()).toEqualTypeOf<
    VeloFlux.BackendStatusMessage | undefined
  >();
  expectTypeOf(v.rest.control).parameter(0).toEqualTypeOf<VeloFlux.ControlRequest>();
  expectTypeOf(v.rest.forceUpdate).returns.resolves.toEqualTypeOf<VeloFlux.ForceUpdateResponse>();

  const p = createClient({ url, protocol: plataformaE() });
  p.feed('project', 'PROJ-001');
  p.feed('logs', { level: 'warning' });
  expectTypeOf(p.rest.subscribers).parameters.toEqualTypeOf<[projectId: string]>();
  expectTypeOf(p.rest.stats).returns.resolves.toEqualTypeOf<PlataformaE.Stats>();
  // @ts-expect-error not a log level
  p.feed('logs', { level: 'loud' });

  const h = createClient({ url, protocol: helios({ username: 'admin', password: 'admin123' }) });
  expectTypeOf(h.rest.login).returns.resolves.toEqualTypeOf<Helios.LoginResponse>();
  h.feed('status');

  const a = createClient({ url, protocol: activeImmuneCore({ clientId: 'ops' }) });
  a.feed('room', 'agents');
  // @ts-expect-error helios needs a password with a username
  helios({ username: 'admin' });
});

it("drift: feeds stay exact by default and widen to DriftedMessage only with drift: 'deliver'", () => {
  const exact = createClient({ url, protocol: takhin(), drift: 'report' });
  expectTypeOf(exact.feed('metrics')).toEqualTypeOf<Feed<Takhin.MetricsMessage>>();
  const honest = createClient({ url, protocol: takhin(), drift: 'deliver' });
  expectTypeOf(honest.feed('metrics')).toEqualTypeOf<
    Feed<Takhin.MetricsMessage | DriftedMessage>
  >();
  expectTypeOf(honest.drift).toEqualTypeOf<DriftSnapshot>();
  honest.feed('metrics').subscribe((m) => {
    if ('drifted' in m) expectTypeOf(m.value).toEqualTypeOf<Readonly<Record<string, unknown>>>();
    else expectTypeOf(m.data.latency.produceP99).toEqualTypeOf<number>();
  });
});

it('feed.first() is a promise of the feed message', () => {
  const client = createClient({ url, protocol: takhin() });
  expectTypeOf(client.feed('metrics').first()).toEqualTypeOf<Promise<Takhin.MetricsMessage>>();
});
