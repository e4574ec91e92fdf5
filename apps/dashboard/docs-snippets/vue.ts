// README: "Vue". Compiled by `pnpm --filter @feedkit/dashboard typecheck`.
// main.ts provides the client once; a component's <script setup> calls the
// composables (here wrapped in a composable of our own, so tsc checks it).
import { createClient, feedkit, takhin } from '@feedkit/vue';
import { useMetrics } from '@feedkit/vue/takhin';
import { type App, computed } from 'vue';

export function installFeedkit(app: App) {
  app.use(feedkit, { client: createClient({ url: 'ws://localhost:8080', protocol: takhin() }) });
}

// <script setup>: `metrics` is a readonly shallowRef of the seed's metrics message.
export function useThroughput() {
  const metrics = useMetrics();
  return computed(() => metrics.value?.data.throughput.produceRate ?? 0);
}
