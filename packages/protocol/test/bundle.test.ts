import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleFigures } from '../bench/bundle';
import budgets from '../bundle-budget.json';

// Measured from the built package, as users get it: `pnpm build` (turbo's test runs it first).
const built = existsSync(new URL('../dist/takhin.js', import.meta.url));

describe('one-system bundle size (esbuild, browser, minified, gzip -9, from dist)', async () => {
  if (!built)
    throw new Error('dist/ is missing: run `pnpm --filter @feedkit/protocol build` first');
  const figures = await bundleFigures();

  it.each(figures.map((f) => [f.entry, f] as const))('%s stays within its budget', (entry, f) => {
    const budget: unknown = (budgets as Record<string, unknown>)[entry];
    expect(budget, `no budget for ${entry} in bundle-budget.json`).toBeTypeOf('number');
    expect(f.gzip).toBeLessThanOrEqual(budget as number);
  });

  it.each(figures.map((f) => [f.entry, f] as const))('%s carries no other system', (_entry, f) => {
    expect(f.others).toEqual([]);
  });
});
