// Bundled by esbuild for the browser test: the client as a page would load it
// (native WebSocket, no Node built-ins), exposed on `window` for page.evaluate.
import { createClient, helios, takhin } from '../../src/index';

const log = {
  states: [] as string[],
  reconnected: false,
  metricsAfterReconnect: 0,
  gapSeen: false,
};

Object.assign(globalThis, { feedkit: { createClient, helios, takhin, log } });
