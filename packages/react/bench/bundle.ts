/**
 * What a React page pays for one system's hooks, as users build it: the
 * protocol's browser recipe from the built packages, React left out (the
 * page has it anyway). Per file in src/systems: a client from
 * `@feedkit/client/<system>`, `FeedkitProvider`, and every hook of
 * `@feedkit/react/<system>`; for Takhin also `useMetrics` alone, the goal's
 * figure. Each bundle is searched for the other systems' code.
 */
import { bindingFigures, bindingName } from '../../client/bench/bundle';
import { type BundleFigure, printFigures } from '../../protocol/bench/bundle';

export const reactBundleFigures = (): Promise<BundleFigure[]> =>
  bindingFigures({
    name: '@feedkit/react',
    dir: import.meta.dirname,
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    app: (system, hooks) => `
import { createElement } from 'react';
import { createClient, ${bindingName(system)} } from '@feedkit/client/${system}';
import { FeedkitProvider } from '@feedkit/react';
${hooks}
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}() });
export const app = (children) => createElement(FeedkitProvider, { client }, children);
`,
    useMetrics: `import { useMetrics } from '@feedkit/react/takhin';
export function Metrics() { return useMetrics()?.data.throughput.produceRate ?? null; }`,
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures(
    '@feedkit/react bundle: client + provider + one system hooks, esbuild browser ESM minified, built packages, React external, gzip -9',
    await reactBundleFigures(),
  );
}
