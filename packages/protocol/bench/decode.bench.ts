/**
 * `pnpm bench` for @feedkit/protocol: median nanoseconds per decode of a
 * frame (JSON.parse + validation) beside bare `JSON.parse` of the same
 * string, and their median ratio, measured in interleaved rounds of the
 * same process (`interleaved.ts`). Runs itself in two fresh processes: with
 * runtime code generation (zod's JIT may use `new Function`) and with
 * `node --disallow-code-generation-from-strings`, which stands in for a page
 * under a strict Content-Security-Policy.
 *
 * Per message, valid and drifted as real deployments send it (extra fields
 * at every level, floats, nulls, other timestamp spellings):
 * - `decode`: what feedkit ships, a plain closure compiled from the zod
 *   schema (`core/compileCheck`), zod only on failure;
 * - `zod/mini safeParse`: JSON.parse + the schema's own zod/mini parser
 *   (its JIT for objects where allowed, its interpreter otherwise);
 * - `zod compile`: JSON.parse + zod's own AOT compiler (`z.core.compile`),
 *   which needs `new Function`, so it falls back to the interpreter without.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { story, takhinMetrics, takhinSeedMetrics } from '../fixtures/benchMessages';
import type { DecodeResult } from '../src/index';
import { PlataformaE, Takhin } from '../src/index';
import { withExtraFields, withFields, withFloats } from '../test/support/drift';
import { interleaved } from './interleaved';

interface Case {
  readonly name: string;
  readonly frame: string;
  readonly decode: (frame: string) => DecodeResult<unknown>;
  readonly schema: z.ZodMiniType;
}

const takhinCase = (name: string, value: object): Case => ({
  name,
  frame: JSON.stringify(value),
  decode: Takhin.adapter.decode,
  schema: Takhin.metricsMessageSchema,
});
const storyCase = (name: string, value: object): Case => ({
  name,
  frame: JSON.stringify(value),
  decode: PlataformaE.adapter.decode,
  schema: PlataformaE.serverMessageSchemas.story_created,
});

const cases: Case[] = [
  takhinCase('Takhin metrics, seed example', takhinSeedMetrics()),
  takhinCase(
    'Takhin metrics, seed example, drifted',
    withFloats(withExtraFields(takhinSeedMetrics())),
  ),
  takhinCase('Takhin metrics, 4 topics', takhinMetrics()),
  // A Go server's nil slice: mended by the decoder's repair, then checked again (parsed once).
  takhinCase('Takhin metrics, Go nil slices', withNilLags(takhinSeedMetrics())),
  storyCase('Plataforma E story_created', story),
  storyCase(
    'Plataforma E story_created, drifted',
    withFields(
      withExtraFields({ ...story, timestamp: '2025-01-15T10:30:00.123456+00:00' }),
      ['story_id'],
      null,
    ),
  ),
];

/** Takhin metrics as a Go server sends them for a cluster without lagging groups. */
function withNilLags(metrics: object): object {
  const { data } = metrics as { data: object };
  return { ...metrics, data: { ...data, consumerLags: null } };
}

/** The target ratio the issue sets, by message family. */
const targetOf = (name: string) => (name.startsWith('Takhin') ? 1.3 : 1.6);

function measure(): Record<string, string | number>[] {
  for (const { name, frame, decode } of cases) {
    const result = decode(frame);
    if (result.kind !== 'message')
      throw new Error(`${name} does not decode: ${JSON.stringify(result)}`);
  }
  return cases.map(({ name, frame, decode, schema }) => {
    // zod's AOT compiler emits `new Function`; without eval it falls back to the interpreter.
    const compiled = z.core.compile(schema) as z.ZodMiniType;
    const { ns, ratio } = interleaved('JSON.parse', {
      'JSON.parse': () => JSON.parse(frame),
      decode: () => decode(frame),
      'zod/mini safeParse': () => schema.safeParse(JSON.parse(frame)),
      'zod compile': () => compiled.safeParse(JSON.parse(frame)),
    });
    const x = (task: string) => +(ratio[task] as number).toFixed(2);
    return {
      message: `${name} (${frame.length} B)`,
      'JSON.parse ns': Math.round(ns['JSON.parse'] as number),
      'decode ns': Math.round(ns.decode as number),
      'decode ×': x('decode'),
      target: `≤ ${targetOf(name)}×`,
      'zod/mini safeParse ×': x('zod/mini safeParse'),
      'zod compile ×': x('zod compile'),
    };
  });
}

const evalAllowed = () => {
  try {
    new Function('');
    return true;
  } catch {
    return false;
  }
};

if (process.env.FEEDKIT_BENCH_CHILD === '1') {
  process.stdout.write(JSON.stringify({ evalAllowed: evalAllowed(), rows: measure() }));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (flags: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, [...flags, ...process.execArgv, self], {
        env: { ...process.env, FEEDKIT_BENCH_CHILD: '1' },
        encoding: 'utf8',
      }),
    ) as { evalAllowed: boolean; rows: Record<string, string | number>[] };
  console.log(
    `@feedkit/protocol decode, node ${process.version}; × = ns / JSON.parse ns, same run`,
  );
  const jit = run([]);
  console.log(`\njit: runtime code generation allowed (new Function works: ${jit.evalAllowed})`);
  console.table(jit.rows);
  const strict = run(['--disallow-code-generation-from-strings']);
  console.log(
    `\nno-eval: --disallow-code-generation-from-strings (new Function works: ${strict.evalAllowed})`,
  );
  console.table(strict.rows);
}
