/**
 * What a React page pays for one system's hooks, as users build it: the
 * protocol's browser recipe from the built packages, React left out (the
 * page has it anyway). Per file in src/systems: a client from
 * `@feedkit/client/<system>`, `FeedkitProvider`, and every hook of
 * `@feedkit/react/<system>`; for Takhin also `useMetrics` alone, the goal's
 * figure. Each bundle is searched for the other systems' code.
 */
import { bindingName, systemsIn } from '../../client/bench/bundle';
import { type BundleFigure, measure, printFigures, type System } from '../../protocol/bench/bundle';

const react = ['react', 'react/*', 'react-dom', 'react-dom/*'];

const entry = (system: string, hooks: string) => `
import { createElement } from 'react';
import { createClient, ${bindingName(system)} } from '@feedkit/client/${system}';
import { FeedkitProvider } from '@feedkit/react';
${hooks}
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}() });
export const app = (children) => createElement(FeedkitProvider, { client }, children);
`;

export async function reactBundleFigures(): Promise<BundleFigure[]> {
  const figures = [
    await measure(
      'useMetrics from @feedkit/react/takhin',
      entry(
        'takhin',
        `import { useMetrics } from '@feedkit/react/takhin';
export function Metrics() { return useMetrics()?.data.throughput.produceRate ?? null; }`,
      ),
      'takhin',
      import.meta.dirname,
      react,
    ),
  ];
  for (const system of systemsIn(new URL('../src/systems', import.meta.url))) {
    const hooks = `export * from '@feedkit/react/${system}';`;
    figures.push(
      await measure(
        `@feedkit/react/${system} (every hook)`,
        entry(system, hooks),
        system as System,
        import.meta.dirname,
        react,
      ),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures(
    '@feedkit/react bundle: client + provider + one system hooks, esbuild browser ESM minified, built packages, React external, gzip -9',
    await reactBundleFigures(),
  );
}
