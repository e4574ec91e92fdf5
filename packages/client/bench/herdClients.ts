/**
 * The herd: N feedkit clients in their own process (so the server's accept
 * timestamps are not skewed by the clients' own work on the same event
 * loop), each holding the Takhin metrics feed, with the DEFAULT backoff
 * (full jitter, 1 s initial, 30 s cap). Every socket the clients construct
 * is timestamped here, so refused attempts (server not listening yet)
 * are counted too.
 */
import { WebSocket } from 'ws';
import { createClient, type FeedkitClient, takhin } from '../src/index';

export type HerdCommand =
  | { readonly cmd: 'open'; readonly url: string; readonly count: number }
  | { readonly cmd: 'attempts' }
  | { readonly cmd: 'close' };

export type HerdReport =
  | { readonly ready: true }
  | { readonly opened: number; readonly ms: number }
  | { readonly attempts: readonly number[] }
  | { readonly closed: true };

const attempts: number[] = [];
const clients: FeedkitClient<ReturnType<typeof takhin>>[] = [];
const reply = (report: HerdReport) => process.send?.(report);

/** `ws` with a timestamp per construction; still a `ws` subclass, so Node extras (headers, upgrade status) stay on. */
class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    attempts.push(Date.now());
    super(...args);
  }
}

async function open(url: string, count: number): Promise<void> {
  const started = performance.now();
  let opened = 0;
  await new Promise<void>((resolve) => {
    for (let i = 0; i < count; i++) {
      const client = createClient({
        url,
        protocol: takhin(),
        WebSocket: CountingWebSocket as never,
        lifecycle: false,
      });
      clients.push(client);
      let counted = false;
      client.state$.subscribe((state) => {
        if (!counted && state.status === 'open') {
          counted = true;
          if (++opened === count) resolve();
        }
      });
      client.feed('metrics').subscribe(() => {});
    }
  });
  reply({ opened, ms: performance.now() - started });
}

process.on('message', (command: HerdCommand) => {
  if (command.cmd === 'open') void open(command.url, command.count);
  else if (command.cmd === 'attempts') reply({ attempts: attempts.splice(0) });
  else {
    for (const client of clients.splice(0)) client.close();
    reply({ closed: true });
  }
});
reply({ ready: true });
