/**
 * What a Vue page pays for one system's hooks, as users build it: the
 * protocol's browser recipe from the built packages, Vue left out (the
 * page has it anyway). Per file in src/systems: a client from
 * `@feedkit/client/<system>`, the `feedkit` plugin, and every hook of
 * `@feedkit/vue/<system>`; for Takhin also `useMetrics` alone, the goal's
 * figure. Each bundle is searched for the other systems' code.
 */
import { bindingName, systemsIn } from '../../client/bench/bundle';
import { type BundleFigure, measure, printFigures, type System } from '../../protocol/bench/bundle';

const vue = ['vue', 'vue/*', '@vue/*'];

const entry = (system: string, hooks: string) => `
import { createApp, defineComponent, h } from 'vue';
import { createClient, ${bindingName(system)} } from '@feedkit/client/${system}';
import { feedkit } from '@feedkit/vue';
${hooks}
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}() });
export const app = (root) => createApp(root).use(feedkit, { client });
`;

export async function vueBundleFigures(): Promise<BundleFigure[]> {
  const figures = [
    await measure(
      'useMetrics from @feedkit/vue/takhin',
      entry(
        'takhin',
        `import { useMetrics } from '@feedkit/vue/takhin';
export const Metrics = defineComponent(() => {
  const metrics = useMetrics();
  return () => h('p', metrics.value?.data.throughput.produceRate);
});`,
      ),
      'takhin',
      import.meta.dirname,
      vue,
    ),
  ];
  for (const system of systemsIn(new URL('../src/systems', import.meta.url))) {
    const hooks = `export * from '@feedkit/vue/${system}';`;
    figures.push(
      await measure(
        `@feedkit/vue/${system} (every hook)`,
        entry(system, hooks),
        system as System,
        import.meta.dirname,
        vue,
      ),
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures(
    '@feedkit/vue bundle: client + provider + one system hooks, esbuild browser ESM minified, built packages, Vue external, gzip -9',
    await vueBundleFigures(),
  );
}
