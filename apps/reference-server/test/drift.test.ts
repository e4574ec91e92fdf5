import {
  ActiveImmuneCore,
  type DecodeResult,
  Helios,
  PlataformaE,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_FIELD_NAMES, type ReferenceServer, startReferenceServer } from '../src/index';
import { TestClient } from './support/TestClient';

type Decode = (frame: string) => DecodeResult<unknown>;

/** Every socket of every system, with what keeps it alive and subscribed. */
const FEEDS: readonly {
  readonly path: string;
  readonly decode: Decode;
  readonly hello?: readonly unknown[];
}[] = [
  { path: VeloFlux.VELOFLUX_PATHS.backends, decode: VeloFlux.adapter.decode },
  { path: VeloFlux.VELOFLUX_PATHS.metrics, decode: VeloFlux.adapter.decode },
  { path: VeloFlux.VELOFLUX_PATHS.status, decode: VeloFlux.adapter.decode },
  { path: '/ws/notifications', decode: PlataformaE.adapter.decode, hello: ['ping'] },
  { path: '/ws/project/PROJ-001', decode: PlataformaE.adapter.decode, hello: ['ping'] },
  { path: '/ws/logs?level=debug', decode: PlataformaE.adapter.decode, hello: ['ping'] },
  { path: Helios.HELIOS_PATH, decode: Helios.adapter.decode, hello: [{ type: 'ping' }] },
  {
    path: '/ws?client_id=drift',
    decode: ActiveImmuneCore.adapter.decode,
    hello: [
      { action: 'ping' },
      ...['agents', 'tasks', 'coordination', 'system'].map((room) => ({ action: 'join', room })),
    ],
  },
  {
    path: Takhin.TAKHIN_PATH,
    decode: Takhin.adapter.decode,
    hello: [{ type: 'ping', timestamp: Math.floor(Date.now() / 1000) }],
  },
];

/** Messages of a known type each feed must deliver under drift. */
const PER_FEED = 6;

let server: ReferenceServer;
const received = new Map<string, { frames: string[]; kinds: string[] }>();

beforeAll(async () => {
  server = await startReferenceServer({ timeScale: 0.01, seed: 11, drift: true });
  const token = server.system('helios').issueToken('admin');
  await Promise.all(
    FEEDS.map(async ({ path, decode, hello = [] }) => {
      const url = `${server.wsUrl}${path}${path === Helios.HELIOS_PATH ? `?token=${token}` : ''}`;
      const client = await TestClient.open(url);
      for (const frame of hello) client.send(frame);
      // Plataforma E and AIC close a client silent for 90 s / 300 s (0.9 s / 3 s here).
      const keepAlive = setInterval(() => {
        if (hello[0] !== undefined) client.send(hello[0]);
      }, 100);
      const known = (m: Record<string, unknown>) =>
        decode(JSON.stringify(m)).kind === 'message' && m.type !== 'heartbeat';
      try {
        await client.collect(PER_FEED, known, 10_000);
      } finally {
        clearInterval(keepAlive);
      }
      await client.close();
      const kinds = client.frames.map((frame) => decode(frame).kind);
      received.set(path, { frames: client.frames, kinds });
    }),
  );
});
afterAll(() => server.stop());

/** Every key of every object in a JSON value, with its depth (0 = the message itself). */
function keysOf(value: unknown, depth = 0, out: [string, number][] = []): [string, number][] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, depth + 1, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.push([key, depth]);
      keysOf(child, depth + 1, out);
    }
  }
  return out;
}

describe('drift mode', () => {
  it.each(FEEDS.map((f) => [f.path]))(
    '%s: every frame decodes (message or unknown, never an error) and the feed keeps delivering',
    (path) => {
      const { kinds } = received.get(path) as { kinds: string[] };
      expect(kinds.filter((kind) => kind === 'error')).toEqual([]);
      expect(kinds.filter((kind) => kind === 'message').length).toBeGreaterThanOrEqual(PER_FEED);
    },
  );

  it('really drifts: unknown types, extra fields at the top and deeper, other spellings', () => {
    const all = [...received.values()];
    const frames = all.flatMap((r) => r.frames);
    expect(all.flatMap((r) => r.kinds)).toContain('unknown');
    const keys = frames.flatMap((frame) => keysOf(JSON.parse(frame)));
    const extra = keys.filter(([key]) => (EXTRA_FIELD_NAMES as readonly string[]).includes(key));
    expect(extra.some(([, depth]) => depth === 0)).toBe(true);
    expect(extra.some(([, depth]) => depth >= 2)).toBe(true);
    // An ISO timestamp with an explicit offset or microseconds, or Takhin's seconds as a float.
    const spelled =
      /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d"|\.\d{6}Z?"|"timestamp":\d+\.\d+/;
    expect(frames.some((frame) => spelled.test(frame))).toBe(true);
    // An integer of the seeds as a float: spelled `5.0` where the schema wants an integer,
    // with a fraction where it takes any number.
    const floats = frames.some((frame) => /[:[,]-?\d+\.0[,}\]]/.test(frame));
    expect(floats || (server.driftStats()?.floats ?? 0) > 0).toBe(true);
  });

  it('counts what it varied, including optional fields left out or null', () => {
    const stats = server.driftStats();
    expect(stats).toBeDefined();
    const s = stats as NonNullable<typeof stats>;
    expect(s.frames).toBeGreaterThan(0);
    expect(s.missingFields + s.nullFields).toBeGreaterThan(0);
    expect(s.extraFields).toBeGreaterThan(0);
    expect(s.timestamps).toBeGreaterThan(0);
    expect(s.floats + s.floatSpellings).toBeGreaterThan(0);
    expect(s.unknownTypes).toBeGreaterThan(0);
  });

  it('is off by default', async () => {
    const plain = await startReferenceServer({ simulate: false });
    expect(plain.driftStats()).toBeUndefined();
    await plain.stop();
  });
});
