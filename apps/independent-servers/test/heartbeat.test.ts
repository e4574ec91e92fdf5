import {
  activeImmuneCore,
  createClient,
  type FeedkitError,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
import { filter, firstValueFrom, type Observable, take, timeout, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type SystemServer, startPythonServer } from './pythonServer';
import { describeErrors, WAIT_MS } from './record';

/** Pings every 40 ms: a few hundred milliseconds exchange many pings and pongs. */
const heartbeat = { intervalMs: 40, timeoutMs: 2000 };
const PONGS = 5;

const field = (m: unknown, key: string) =>
  typeof m === 'object' && m !== null ? (m as Record<string, unknown>)[key] : undefined;

interface Case {
  readonly server: SystemServer;
  readonly args?: readonly string[];
  /** A client with one live feed; `messages$` carries every decoded frame, pongs included. */
  readonly open: (url: string) => {
    readonly client: {
      readonly errors$: Observable<FeedkitError>;
      readonly unknown$: Observable<unknown>;
      readonly messages$: Observable<unknown>;
      readonly drift: { readonly entries: readonly unknown[] };
      readonly state$: Observable<{ status: string }>;
      close(): void;
    };
    readonly feed: Observable<unknown>;
  };
  /** How this system's answer to its own ping looks; none for VeloFlux (protocol-level pings). */
  readonly isPong?: (m: unknown) => boolean;
}

const options = { heartbeat, backoff: () => 0 };
const cases: Case[] = [
  {
    server: 'veloflux',
    open: (url) => {
      const client = createClient({ url, protocol: veloflux(), ...options });
      return { client, feed: client.feed('backends') };
    },
  },
  {
    server: 'plataforma_e',
    open: (url) => {
      const client = createClient({ url, protocol: plataformaE(), ...options });
      return { client, feed: client.feed('notifications') };
    },
    isPong: (m) => field(m, 'type') === 'pong',
  },
  {
    server: 'helios',
    open: (url) => {
      const client = createClient({
        url,
        protocol: helios({ username: 'admin', password: 'admin123' }),
        ...options,
      });
      return { client, feed: client.feed('status') };
    },
    isPong: (m) => field(m, 'type') === 'pong',
  },
  {
    server: 'active_immune_core',
    open: (url) => {
      const client = createClient({
        url,
        protocol: activeImmuneCore({ clientId: 'hb' }),
        ...options,
      });
      return { client, feed: client.feed('all') };
    },
    isPong: (m) => field(m, 'success') === true && field(m, 'message') === 'pong',
  },
  {
    server: 'takhin',
    args: ['--api-key', 'k'],
    open: (url) => {
      const client = createClient({ url, protocol: takhin({ apiKey: 'k' }), ...options });
      return { client, feed: client.feed('metrics') };
    },
    isPong: (m) => field(m, 'type') === 'pong',
  },
];

describe('every system answers the heartbeat the way feedkit understands', () => {
  it.each(cases.map((c) => [c.server, c] as const))('%s', async (_name, c) => {
    const server = await startPythonServer(c.server, c.args);
    const { client, feed } = c.open(server.wsUrl);
    const errors: FeedkitError[] = [];
    const unknown: unknown[] = [];
    const states: string[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    client.unknown$.subscribe((m) => unknown.push(m));
    client.state$.subscribe((s) => states.push(s.status));
    const isPong = c.isPong ?? (() => true);
    // VeloFlux has no ping message: its pings are protocol-level, so any frames stand in.
    const pongs = firstValueFrom(
      client.messages$.pipe(filter(isPong), take(PONGS), toArray(), timeout(WAIT_MS)),
    );
    const live = feed.subscribe();
    try {
      await pongs;
      expect(describeErrors(errors)).toEqual([]);
      expect(unknown).toEqual([]);
      expect(client.drift.entries).toEqual([]);
      expect(states).not.toContain('reconnecting');
    } finally {
      live.unsubscribe();
      client.close();
      await server.stop();
    }
  });
});
