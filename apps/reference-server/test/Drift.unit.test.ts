import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Drift, type DriftTarget } from '../src/drift/Drift';

const message = z.object({
  type: z.literal('reading'),
  count: z.number().int(),
  ratio: z.number(),
  note: z.string().optional(),
  owner: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
  inner: z.object({ level: z.number(), tags: z.array(z.object({ name: z.string() })) }),
  closed: z.strictObject({ id: z.string() }),
});
type Message = z.infer<typeof message>;

const target: DriftTarget = {
  typeField: 'type',
  schemaOf: () => message,
  decode: (frame) => {
    const value = JSON.parse(frame) as Record<string, unknown>;
    if (value.type !== 'reading') return { kind: 'unknown', message: { type: 'x', value } };
    const parsed = message.safeParse(value);
    if (parsed.success) return { kind: 'message', message: parsed.data };
    throw new Error(`drift sent a frame its schema refuses: ${frame}`);
  },
};

const sample = (i: number): Message => ({
  type: 'reading',
  count: i,
  ratio: 2,
  note: 'n',
  owner: 'o',
  at: '2026-01-02T03:04:05.678Z',
  inner: { level: 3, tags: [{ name: 'a' }] },
  closed: { id: 'x' },
});

function run(drift: Drift, n = 300): string[] {
  const frames: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = sample(i);
    frames.push(...drift.frames(target, m, JSON.stringify(m)));
  }
  return frames;
}

describe('Drift', () => {
  it('varies only what the schema allows: required fields stay, integers stay whole, strict objects stay closed', () => {
    const frames = run(new Drift({ rate: 0.5, unknownTypeRate: 0.2 }, 1));
    const known = frames.map((f) => JSON.parse(f)).filter((m) => m.type === 'reading');
    for (const m of known) {
      for (const key of ['count', 'ratio', 'at', 'inner', 'closed']) expect(m).toHaveProperty(key);
      expect(Number.isInteger(m.count)).toBe(true);
      expect(m.owner).not.toBeUndefined();
      expect(Object.keys(m.closed)).toEqual(['id']);
    }
    // What the schema tolerates does vary.
    expect(known.some((m) => !('note' in m))).toBe(true);
    expect(known.some((m) => m.owner === null)).toBe(true);
    expect(known.some((m) => !Number.isInteger(m.ratio))).toBe(true);
    expect(known.some((m) => m.at !== '2026-01-02T03:04:05.678Z')).toBe(true);
    expect(known.some((m) => Object.keys(m.inner.tags[0]).length > 1)).toBe(true);
    // Integers the schema wants whole are spelled `N.0` on the wire instead.
    expect(frames.some((f) => /"count":\d+\.0[,}]/.test(f))).toBe(true);
    expect(frames.some((f) => JSON.parse(f).type !== 'reading')).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(run(new Drift({}, 42))).toEqual(run(new Drift({}, 42)));
    expect(run(new Drift({}, 42))).not.toEqual(run(new Drift({}, 43)));
    expect(run(new Drift({ seed: 5 }, 42))).toEqual(run(new Drift({}, 5)));
  });

  it('keeps what a refinement across fields requires', () => {
    const refined = z
      .object({
        type: z.literal('e'),
        error: z.string().optional(),
        message: z.string().optional(),
      })
      .refine((e) => e.error !== undefined || e.message !== undefined);
    const strictTarget: DriftTarget = {
      typeField: 'type',
      schemaOf: () => refined,
      decode: (frame) => {
        const value = JSON.parse(frame);
        return refined.safeParse(value).success
          ? { kind: 'message', message: value }
          : { kind: 'unknown', message: { type: value.type, value } };
      },
    };
    const drift = new Drift({ rate: 1, unknownTypeRate: 0 }, 3);
    for (let i = 0; i < 100; i++) {
      const [frame] = drift.frames(
        strictTarget,
        { type: 'e', error: 'x' },
        '{"type":"e","error":"x"}',
      );
      expect(refined.safeParse(JSON.parse(frame as string)).success).toBe(true);
    }
  });
});
