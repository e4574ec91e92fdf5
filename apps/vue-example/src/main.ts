import { createClient, feedkit, plataformaE, takhin } from '@feedkit/vue';
import { createApp } from 'vue';
import App from './App.vue';
import './styles.css';

// Same origin by default (Vite proxies to the reference server); `?server=` overrides.
const server = new URL(new URLSearchParams(location.search).get('server') || location.origin);
const url = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;

createApp(App)
  .use(feedkit, {
    clients: [
      createClient({ url, protocol: takhin() }),
      createClient({ url, protocol: plataformaE() }),
    ],
  })
  .mount('#app');
