import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BundleFigure } from '../bench/bundle';

/**
 * The size tests of every package, one shape: each figure within its budget
 * (a missing budget fails too) and carrying no other system. `built` is a
 * file of the package's dist: the figures come from the built packages, so
 * a missing build is an error, not a skip.
 */
export function bundleSuite(
  title: string,
  built: URL,
  figures: () => Promise<readonly BundleFigure[]>,
  budgets: Readonly<Record<string, unknown>>,
): void {
  describe(title, async () => {
    if (!existsSync(built))
      throw new Error(`${built.pathname} is missing: build the package first`);
    const all = await figures();

    it.each(all.map((f) => [f.entry, f] as const))('%s stays within its budget', (entry, f) => {
      const budget = budgets[entry];
      expect(budget, `no budget for ${entry} in bundle-budget.json`).toBeTypeOf('number');
      expect(f.gzip).toBeLessThanOrEqual(budget as number);
    });

    it.each(all.map((f) => [f.entry, f] as const))('%s carries no other system', (_entry, f) => {
      expect(f.others).toEqual([]);
    });
  });
}
