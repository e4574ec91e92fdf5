// README: "Vue". In a single-file component the setup body goes in <script setup>.
import { createClient, feedkit, takhin } from '@feedkit/vue';
import { useMetrics } from '@feedkit/vue/takhin';
import { createApp, defineComponent, h } from 'vue';

const Throughput = defineComponent({
  setup() {
    const metrics = useMetrics(); // Readonly<ShallowRef<Takhin.MetricsMessage | undefined>>
    return () =>
      h('p', metrics.value ? `${metrics.value.data.throughput.produceRate} msg/s` : 'waiting…');
  },
});

createApp(Throughput)
  .use(feedkit, { client: createClient({ url: 'ws://localhost:8080', protocol: takhin() }) })
  .mount('#app');
