import { bundleFigures } from '../bench/bundle';
import budgets from '../bundle-budget.json';
import { bundleSuite } from './bundleSuite';

// Measured from the built package, as users get it: `pnpm build` (turbo's test runs it first).
bundleSuite(
  'one-system bundle size (esbuild, browser, minified, gzip -9, from dist)',
  new URL('../dist/takhin.js', import.meta.url),
  bundleFigures,
  budgets,
);
