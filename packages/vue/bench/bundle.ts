/**
 * What a Vue page pays for one system's composables, as users build it: the
 * protocol's browser recipe from the built packages, Vue left out (the page
 * has it anyway). Per file in src/systems: a client from
 * `@feedkit/client/<system>`, the `feedkit` plugin, and every composable of
 * `@feedkit/vue/<system>`; for Takhin also `useMetrics` alone, the goal's
 * figure. Each bundle is searched for the other systems' code.
 */
import { bindingFigures, bindingName } from '../../client/bench/bundle';
import { type BundleFigure, printFigures } from '../../protocol/bench/bundle';

export const vueBundleFigures = (): Promise<BundleFigure[]> =>
  bindingFigures({
    name: '@feedkit/vue',
    dir: import.meta.dirname,
    external: ['vue', 'vue/*', '@vue/*'],
    app: (system, hooks) => `
import { createApp } from 'vue';
import { createClient, ${bindingName(system)} } from '@feedkit/client/${system}';
import { feedkit } from '@feedkit/vue';
${hooks}
const client = createClient({ url: location.origin.replace(/^http/, 'ws'), protocol: ${bindingName(system)}() });
export const app = (root) => createApp(root).use(feedkit, { client });
`,
    useMetrics: `import { defineComponent, h } from 'vue';
import { useMetrics } from '@feedkit/vue/takhin';
export const Metrics = defineComponent(() => {
  const metrics = useMetrics();
  return () => h('p', metrics.value?.data.throughput.produceRate);
});`,
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures(
    '@feedkit/vue bundle: client + plugin + one system composables, esbuild browser ESM minified, built packages, Vue external, gzip -9',
    await vueBundleFigures(),
  );
}
