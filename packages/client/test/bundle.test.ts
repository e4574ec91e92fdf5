import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientSystemFigure, clientSystems } from '../bench/bundle';
import budgets from '../bundle-budget.json';

// Measured from the built packages, as users get them: turbo's test runs `pnpm build` first.
const built = existsSync(new URL('../dist/systems/takhin.js', import.meta.url));

describe('one-system client bundle (esbuild, browser, minified, gzip -9, from dist)', async () => {
  if (!built) throw new Error('dist/ is missing: run `pnpm --filter @feedkit/client build` first');
  const figures = await Promise.all(clientSystems.map(clientSystemFigure));

  it.each(figures.map((f) => [f.entry, f] as const))('%s stays within its budget', (entry, f) => {
    const budget: unknown = (budgets as Record<string, unknown>)[entry];
    expect(budget, `no budget for ${entry} in bundle-budget.json`).toBeTypeOf('number');
    expect(f.gzip).toBeLessThanOrEqual(budget as number);
  });

  it.each(figures.map((f) => [f.entry, f] as const))('%s carries no other system', (_entry, f) => {
    expect(f.others).toEqual([]);
  });
});
