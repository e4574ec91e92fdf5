/**
 * The SharedWorker that owns every tab's sockets (`share: tabs()`). Shipped
 * as `@feedkit/client/share-worker` (`dist/shareWorker.js`, self-contained)
 * and found by the client next to its own module; see `ShareOptions.worker`.
 */
import { adapters } from './adapters';
import { type HubLink, type LockRequester, ShareHub } from './ShareHub';
import type { TabMessage } from './ShareMessages';

interface ConnectEvent {
  readonly ports: readonly MessagePort[];
}

const scope = globalThis as unknown as {
  onconnect: ((event: ConnectEvent) => void) | null;
  navigator?: { locks?: LockRequester };
};

const ports = new Map<string, MessagePort>();
const link: HubLink = {
  post: (tab, message) => ports.get(tab)?.postMessage(message),
  postAll: (tabs, message) => {
    for (const tab of tabs) ports.get(tab)?.postMessage(message);
  },
  // The port stays open: a tab dropped while frozen speaks on it again when it wakes.
  forget: (tab) => ports.delete(tab),
};
const hub = new ShareHub({
  link,
  adapters: (system) => adapters[system],
  locks: scope.navigator?.locks,
});

scope.onconnect = (event) => {
  const port = event.ports[0];
  if (!port) return;
  port.onmessage = (e: MessageEvent<TabMessage>) => {
    const message = e.data;
    // A port is known by the tab id it speaks for, so replies find it.
    if (message?.from === 'tab' && ports.get(message.tab) !== port) ports.set(message.tab, port);
    hub.receive(message);
  };
  port.start();
};
