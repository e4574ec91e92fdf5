import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { takhinMetrics } from '../fixtures/benchMessages';
import { compileCheck } from '../src/core/compileCheck';
import { ActiveImmuneCore, Helios, PlataformaE, Takhin, VeloFlux } from '../src/index';

/** One valid message per schema family, mutated below at every path. */
const samples: [
  string,
  z.core.$ZodType & { safeParse: (v: unknown) => { success: boolean } },
  unknown,
][] = [
  ['takhin metrics', Takhin.metricsMessageSchema, takhinMetrics()],
  [
    'takhin group_updated',
    Takhin.groupUpdatedMessageSchema,
    { type: 'group_updated', timestamp: 1, data: { groupId: 'g', state: 'Stable', members: 3 } },
  ],
  [
    'takhin error',
    Takhin.errorMessageSchema,
    { type: 'error', timestamp: 1, data: { message: 'x' } },
  ],
  [
    'veloflux backend_status',
    VeloFlux.backendStatusMessageSchema,
    {
      type: 'backend_status',
      backends: [
        {
          address: 'a',
          pool: 'p',
          weight: 1,
          status: 'healthy',
          healthy: true,
          connections: 2,
          last_used: '2025-06-20T15:30:45Z',
          region: 'r',
          health_check: { path: '/h', interval: '30s', timeout: '5s', expected_status: 200 },
        },
      ],
      timestamp: '2025-06-20T15:30:45Z',
      forced: false,
    },
  ],
  [
    'plataforma-e story_created',
    PlataformaE.serverMessageSchemas.story_created,
    {
      type: 'story_created',
      data: { story_id: 'S', title: 't', project_id: 'P' },
      timestamp: '2025-01-15T10:30:00Z',
      message_id: 'm',
      project_id: 'P',
    },
  ],
  [
    'plataforma-e stats',
    PlataformaE.serverMessageSchemas.stats,
    {
      type: 'stats',
      timestamp: '2025-01-15T10:30:00Z',
      data: {
        active_connections: 1,
        active_projects: 1,
        total_connections: 1,
        total_messages_sent: 1,
        total_broadcasts: 1,
        connections_per_project: { P: 1 },
      },
    },
  ],
  [
    'plataforma-e error',
    PlataformaE.serverMessageSchemas.error,
    { type: 'error', timestamp: '2025-01-15T10:30:00Z', data: { message: 'm', code: 4 } },
  ],
  [
    'helios status',
    Helios.statusMessageSchema,
    {
      type: 'status',
      timestamp: '2024-01-15T10:30:00Z',
      data: {
        node_id: 'n',
        state: 'Leader',
        term: 1,
        commit_index: 1,
        last_applied: 1,
        leader: 'n',
        peers: ['a'],
      },
    },
  ],
  [
    'helios latency',
    Helios.latencyMessageSchema,
    {
      type: 'latency',
      timestamp: '2024-01-15T10:30:00Z',
      data: { aggregated: { a: { count: 1, avg_value_ms: 1, min_value_ms: 1, max_value_ms: 1 } } },
    },
  ],
  [
    'helios subscribe command (strict flags)',
    Helios.subscriptionFlagsSchema,
    Object.fromEntries(Helios.subscriptionFlags.map((flag) => [flag, true])),
  ],
  [
    'active-immune-core agent_action',
    ActiveImmuneCore.agentActionEventSchema,
    {
      event_type: 'agent_action',
      timestamp: '2025-10-06T14:30:00',
      data: { agent_id: 'a', action: 'x', result: { ok: true } },
      room: 'agents',
    },
  ],
  [
    'active-immune-core response',
    ActiveImmuneCore.commandResponseSchema,
    { success: true, message: 'pong', data: {} },
  ],
];

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const children = Object.entries(value).flatMap(([k, v]) =>
    paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]),
  );
  return [prefix, ...children];
}
function mutate(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (replacement === REMOVE) delete target[last];
  else target[last] = replacement;
  return copy;
}
const REMOVE = Symbol('remove');
const replacements = [REMOVE, null, 'text', '2025-06-20T15:30:45Z', 1.5, -1, true, {}, [], [1]];

describe('compileCheck answers exactly what zod answers', () => {
  it.each(samples)('%s, at every path, under every mutation', (_name, schema, sample) => {
    const check = compileCheck(schema);
    expect(check).toBeDefined();
    const variants = [
      sample,
      ...paths(sample).flatMap((path) => replacements.map((r) => mutate(sample, path, r))),
      ...paths(sample).map((path) => mutate(sample, path, mutate(sample, [], {}))),
    ];
    for (const variant of variants) {
      expect([variant, check?.(variant)]).toEqual([variant, schema.safeParse(variant).success]);
    }
  });

  it('every server message schema of every system compiles to a plain check', () => {
    const all: [string, z.core.$ZodType][] = [
      ...Object.entries(Takhin.serverMessageSchemas),
      ...Object.entries(VeloFlux.serverMessageSchemas),
      ...Object.entries(PlataformaE.serverMessageSchemas),
      ...Object.entries(Helios.serverMessageSchemas),
      ...Object.entries(ActiveImmuneCore.serverMessageSchemas),
    ];
    for (const [type, schema] of all) {
      expect([type, compileCheck(schema) !== undefined]).toEqual([type, true]);
    }
  });

  it.each<[string, z.ZodType]>([
    ['a stripping object (its output drops keys)', z.object({ a: z.string() })],
    ['a transform', z.string().transform((s) => s.length)],
    ['a default', z.object({ a: z.string().default('x') }).loose()],
  ])('leaves %s to zod', (_name, schema) => {
    expect(compileCheck(schema)).toBeUndefined();
  });

  it('runs zod refinements and length checks', () => {
    const schema = z
      .looseObject({ a: z.string().min(2), n: z.number().int() })
      .refine((o) => o.a !== 'no');
    const check = compileCheck(schema);
    expect(
      [
        { a: 'ok', n: 1 },
        { a: 'o', n: 1 },
        { a: 'no', n: 1 },
        { a: 'ok', n: 1.5 },
      ].map((v) => check?.(v)),
    ).toEqual([true, false, false, false]);
  });
});
