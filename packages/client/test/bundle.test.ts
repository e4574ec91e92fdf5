import { bundleSuite } from '../../protocol/test/bundleSuite';
import { clientSystemFigure, clientSystems } from '../bench/bundle';
import budgets from '../bundle-budget.json';

// Measured from the built packages, as users get them: turbo's test runs `pnpm build` first.
bundleSuite(
  'one-system client bundle (esbuild, browser, minified, gzip -9, from dist)',
  new URL('../dist/systems/takhin.js', import.meta.url),
  () => Promise.all(clientSystems.map(clientSystemFigure)),
  budgets,
);
