import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./support/decodeEverySystem.mjs', import.meta.url));
const built = existsSync(new URL('../dist/index.js', import.meta.url));

describe('without runtime code generation (a strict CSP), the built package decodes every system', () => {
  if (!built)
    throw new Error('dist/ is missing: run `pnpm --filter @feedkit/protocol build` first');
  const output = JSON.parse(
    execFileSync(process.execPath, ['--disallow-code-generation-from-strings', script], {
      encoding: 'utf8',
    }),
  ) as {
    evalAllowed: boolean;
    results: Record<
      string,
      {
        valid: { kind: string };
        invalid: { kind: string; error?: { code: string; issues: unknown[] } };
      }
    >;
  };

  it('really runs with eval refused', () => {
    expect(output.evalAllowed).toBe(false);
  });

  it.each(Object.entries(output.results))(
    '%s: a valid frame decodes, an invalid one is a typed error with zod issues',
    (_system, result) => {
      expect(result.valid.kind).toBe('message');
      expect(result.invalid.kind).toBe('error');
      expect(result.invalid.error?.code).toBe('invalid_message');
      expect(result.invalid.error?.issues.length).toBeGreaterThan(0);
    },
  );
});
