import type { SystemName } from '@feedkit/protocol';
import { FeedkitError } from './FeedkitError';

/**
 * The client's `url` is the server's address with its scheme
 * (`ws://localhost:8080`); without one, the socket would fail only later,
 * with the WebSocket implementation's own words. Thrown by `createClient`.
 * The URL is not echoed: it may carry credentials.
 */
export function checkUrl(url: unknown, system: SystemName): void {
  if (typeof url === 'string' && /^(wss?|https?):\/\/[^/]/i.test(url)) return;
  const shown =
    typeof url === 'string'
      ? 'has no ws://, wss://, http:// or https:// scheme'
      : `is ${typeof url}`;
  throw new FeedkitError(
    'config',
    `url ${shown}: give the server's address with its scheme, e.g. 'ws://localhost:8080' (sockets and REST are found under it)`,
    { system, fatal: true },
  );
}
