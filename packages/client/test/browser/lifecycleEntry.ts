// Bundled by esbuild for the lifecycle browser test: one Takhin client per
// page load, with every socket construction counted (attempts the server
// never sees, like those made while offline, are counted here too).
import { createClient, takhin } from '../../src/index';

const log = {
  attempts: 0,
  messages: 0,
  states: [] as string[],
  shown: [] as boolean[],
  events: [] as string[],
  onlineAt: undefined as number | undefined,
  dataAfterOnlineMs: undefined as number | undefined,
};

class CountingWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    log.attempts++;
    super(url, protocols);
  }
}

function start(url: string): void {
  // Registered before the client's own listeners, so `onlineAt` is the event's moment.
  addEventListener('online', () => {
    log.onlineAt = performance.now();
  });
  addEventListener('pageshow', (event) => log.shown.push(event.persisted));
  for (const type of ['offline', 'online', 'pagehide', 'freeze', 'resume'] as const) {
    const target = type === 'freeze' || type === 'resume' ? document : window;
    target.addEventListener(type, () => log.events.push(type));
  }
  const client = createClient({
    url,
    protocol: takhin(),
    backoff: () => 0,
    WebSocket: CountingWebSocket as never,
  });
  client.state$.subscribe((s) => log.states.push(s.status));
  client.feed('topic', 'orders').subscribe();
  client.feed('metrics').subscribe(() => {
    log.messages++;
    if (log.onlineAt !== undefined && log.dataAfterOnlineMs === undefined) {
      log.dataAfterOnlineMs = performance.now() - log.onlineAt;
    }
  });
  Object.assign(globalThis, { client });
}

/** Resolves with the next metrics message (the page's proof that data flows). */
function nextMessage(): Promise<void> {
  const { client } = globalThis as unknown as { client: ReturnType<typeof createClient> };
  return new Promise((resolve) => {
    const subscription = client.feed('metrics' as never).subscribe(() => {
      queueMicrotask(() => subscription.unsubscribe());
      resolve();
    });
  });
}

Object.assign(globalThis, { lifecycle: { start, log, nextMessage } });
