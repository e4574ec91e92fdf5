import type { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  activeImmuneCore,
  type FeedkitClient,
  helios,
  type Protocol,
  plataformaE,
  takhin,
  veloflux,
} from '../src/index';
import { next } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

/**
 * Issue 11: against a server that sends what real deployments send (extra
 * fields at every level, optional fields missing or null, floats, other
 * timestamp spellings, unknown types interleaved), every feed keeps
 * delivering, unknown types reach `unknown$`, and a known type that no
 * longer validates is counted in `client.drift`, never dropped silently.
 */
const ref = useReferenceServer({
  simulate: true,
  drift: { rate: 0.5, unknownTypeRate: 0.3 },
});

type AnyFeed = Observable<unknown>;
/** Event feeds get events from the test as well as from the simulation (drift applies to both); no room: to everyone. */
const agentCreated = {
  event_type: 'agent_created',
  timestamp: new Date().toISOString(),
  data: { agent_id: 'agent_drift_001', agent_type: 'neutrophil', status: 'active' },
  source: 'api_server',
};

const cases: [string, () => Protocol, (c: FeedkitClient) => AnyFeed[]][] = [
  ['takhin', () => takhin(), (c) => [c.feed('metrics' as never)]],
  [
    'veloflux',
    () => veloflux(),
    (c) => ['backends', 'metrics', 'status'].map((name) => c.feed(name as never)),
  ],
  [
    'helios',
    () => helios({ username: 'admin', password: 'admin123' }),
    (c) => [c.feed('status' as never)],
  ],
  [
    'plataforma-e',
    () => plataformaE(),
    (c) => [c.feed('notifications' as never), c.feed('logs' as never, { level: 'debug' } as never)],
  ],
  [
    'active-immune-core',
    () => activeImmuneCore({ clientId: 'drift-test' }),
    (c) => [c.feed('all' as never)],
  ],
];

describe('under drift, every feed keeps delivering and drift is reported', () => {
  it.each(cases)('%s', async (system, protocol, feedsOf) => {
    const client = ref.client(protocol()) as unknown as FeedkitClient;
    const errors: string[] = [];
    client.errors$.subscribe((e) => errors.push(`${e.code}: ${e.message}`));
    // Every feed held for the whole test (the test client lingers 0 ms), counted as it delivers.
    const feeds = feedsOf(client);
    const counts = feeds.map(() => 0);
    let unknown = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${system}: deliveries ${counts}, unknown ${unknown}`)),
        10_000,
      );
      // Two messages per feed (delivery goes on after drifted frames) and one unknown type.
      const check = () => {
        if (unknown > 0 && counts.every((n) => n >= 2)) {
          clearTimeout(timer);
          resolve();
        }
      };
      client.unknown$.subscribe(() => {
        unknown++;
        check();
      });
      for (const [i, feed] of feeds.entries()) {
        feed.subscribe(() => {
          counts[i] = (counts[i] ?? 0) + 1;
          check();
        });
      }
      if (system === 'active-immune-core') {
        void ref.server
          .waitForConnections((all) => all.some((c) => c.system === system))
          .then(() => {
            ref.server.emit(system, agentCreated);
            ref.server.emit(system, agentCreated);
          });
      }
    });
    // What the drift mode sends stays within what the documents guarantee: no decode errors.
    expect(
      errors.filter((e) => e.startsWith('decode')),
      system,
    ).toEqual([]);
    const stats = ref.server.driftStats();
    expect(stats?.extraFields, 'extra fields were sent').toBeGreaterThan(0);
  });

  it('a known type that fails validation is counted per type and path, and reported', async () => {
    const client = ref.client(takhin());
    const errors: string[] = [];
    client.errors$.subscribe((e) => errors.push(e.code));
    // Held for the whole test: the test client lingers 0 ms.
    client.feed('metrics').subscribe();
    await next(client.feed('metrics'));
    ref.server.emitRaw('takhin', { type: 'metrics', timestamp: 1, data: { latency: 'n/a' } });
    const drift = await next(client.drift$, (d) => d.total > 0);
    expect(drift.entries[0]).toMatchObject({ system: 'takhin', type: 'metrics', count: 1 });
    expect(errors).toContain('decode');
  });
});
