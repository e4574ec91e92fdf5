// @vitest-environment node
import { bundleSuite } from '../../protocol/test/bundleSuite';
import { vueBundleFigures } from '../bench/bundle';
import budgets from '../bundle-budget.json';

// Measured from the built packages, as users get them: turbo's test runs `pnpm build` first.
bundleSuite(
  'one-system @feedkit/vue bundle (esbuild, browser, minified, gzip -9, from dist, vue external)',
  new URL('../dist/systems/takhin.js', import.meta.url),
  vueBundleFigures,
  budgets,
);
