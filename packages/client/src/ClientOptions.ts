import type { FeedSpec } from '@feedkit/protocol';
import type { Backoff } from './Backoff';
import type { LifecycleOptions, LifecycleTargets } from './BrowserLifecycle';
import type { RetryContext } from './ConnectionOptions';
import type { DriftMode } from './Drift';
import type { Protocol } from './FeedkitClient';
import type { HeartbeatSettings } from './heartbeatTiming';
import type { OutgoingQueueOptions } from './OutgoingQueue';
import type { TlsOptions } from './openSocket';
import type { ShareStrategy } from './ShareStrategy';
import type { ErrorLogger } from './unheardErrors';
import type { WebSocketConstructor } from './WebSocketLike';

export interface ClientOptions<P extends Protocol, D extends DriftMode = 'report'> {
  /**
   * Base URL of the system's sockets; feed paths are appended to it. REST
   * calls go to the same host with the http(s) scheme.
   * @example 'ws://localhost:8080'
   */
  readonly url: string;
  /** The system and its credentials: `takhin({ apiKey })`, `helios({ username, password })`, ... */
  readonly protocol: P;
  /**
   * Wait before reconnect attempt `attempt` (1-based), in ms. A NaN becomes
   * the default wait, a negative one 0 and one over 5 minutes
   * (`MAX_BACKOFF_MS`) the cap; the first such value is reported once as a
   * `config` error.
   * @default decorrelatedJitterBackoff(): uniform in [1 s, 3 × the previous wait), at most 4 s while the page is visible (always in Node) and 30 s while it is hidden
   * @example backoff: () => 0 // tests
   */
  readonly backoff?: Backoff;
  /**
   * Asked before every reconnect; `false` closes the connection for good.
   * Auth failures are decided by the close-code table, not here.
   * @default () => true
   */
  readonly shouldRetry?: (context: RetryContext) => boolean;
  /**
   * How long a socket must stay open before the attempt counter (and the
   * auth retry) resets, so a server that accepts and closes at once still
   * backs off. @default 5000
   */
  readonly stableAfterMs?: number;
  /**
   * How long a connection attempt may take, getting the token (a login)
   * included, before it is abandoned and retried. A token provider still
   * pending then is aborted and reported as a `timeout` error.
   * @default 10000
   */
  readonly connectTimeoutMs?: number;
  /**
   * Path prefix between the host and every socket and REST path, for a
   * deployment behind a reverse proxy (`/feeds` gives `ws://host/feeds/ws/cluster`).
   * @default '' (the paths of the documents, at the root)
   */
  readonly basePath?: string;
  /**
   * Query parameter that carries the token. Browsers cannot send headers, so
   * there the token always rides in the query; set this and it does from
   * Node too (a server that reads only `?api_key=`).
   * @default the system's own: `token` (Helios, Takhin)
   */
  readonly authQueryParam?: string;
  /**
   * Extra headers on every REST call, and on the socket upgrade in Node
   * (browsers cannot send headers on a WebSocket).
   * @default {}
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * TLS in Node, Bun and Deno, for the socket upgrade (`ws`) and the REST
   * calls (the Helios login included): trust a private CA or a self-signed
   * certificate with `ca`. Browsers use their own trust store. A `fetch`
   * option of your own takes over REST, TLS included.
   * @default {} (the system's trust store, certificates checked)
   * @example tls: { ca: readFileSync('server.crt', 'utf8') }
   */
  readonly tls?: TlsOptions;
  /** Deadline of every REST call (and of the Helios built-in login). @default 10000 */
  readonly requestTimeoutMs?: number;
  /**
   * Where the protocol answers subscription commands (Plataforma E, Active
   * Immune Core): how long an answer may take before the command is sent
   * once more, and after that the socket is replaced.
   * @default 10000
   */
  readonly ackTimeoutMs?: number;
  /**
   * A message of a known type that fails validation is never just dropped:
   * `'report'` counts it (`client.drift`) and reports it on `errors$`;
   * `'deliver'` counts it and delivers it as a `DriftedMessage` (the raw
   * value and the issues) to the feeds that accept it, whose type widens to
   * include it.
   * @default 'report'
   */
  readonly drift?: D;
  /**
   * Dead-peer detection; `false` turns it off.
   * @default { intervalMs: the system's own ping interval, timeoutMs: 2 × intervalMs }
   */
  readonly heartbeat?: HeartbeatSettings | false;
  /**
   * Silence after which a feed whose socket is open is `stale` (and the
   * socket is probed); `undefined` for a feed: never stale.
   * @default staleAfterTwoCadences: 2 × the feed's cadence from its document; event feeds never
   * @example staleAfter: (feed) => (feed.cadenceMs === undefined ? undefined : 3 * feed.cadenceMs)
   */
  readonly staleAfter?: (feed: FeedSpec<unknown>) => number | undefined;
  /** How long a socket stays after its last feed left, so a re-mount does not churn it. @default 1000 */
  readonly linger?: number;
  /** Limits of the queue for messages sent while disconnected. @default { maxSize: 100, maxAgeMs: 30000 } */
  readonly queue?: OutgoingQueueOptions;
  /** Messages an async iterator buffers before it fails with `overflow`. @default 1000 */
  readonly iteratorBufferSize?: number;
  /**
   * WebSocket implementation: `ws`, the browser's, Bun's or Deno's global `WebSocket`.
   * @default isomorphic-ws (native in browsers, `ws` in Node)
   */
  readonly WebSocket?: WebSocketConstructor;
  /** fetch implementation for the REST helpers. @default globalThis.fetch (with `tls`: one over `node:https` that applies it) */
  readonly fetch?: typeof fetch;
  /**
   * Where errors go while nothing subscribes to `errors$` (a bare `for await`
   * loop against a wrong port would otherwise wait in silence): one line per
   * new message, a repeat of the last one skipped. `false`: nowhere.
   * @default console
   */
  readonly logger?: ErrorLogger;
  /**
   * The page lifecycle: no attempts while offline (`offline` state) and back
   * at once on `online`; sockets closed on `pagehide`/`freeze` and replayed
   * on `pageshow`/`resume`; deadlines checked by the wall clock on wake;
   * optionally hidden tabs release their sockets. `false` turns it off; an
   * object injects the targets or sets `hiddenTabs`.
   * @default true when `window` and `document` exist
   * @example lifecycle: { hiddenTabs: { releaseAfterMs: 5 * 60_000 } }
   */
  readonly lifecycle?: boolean | LifecycleTargets | LifecycleOptions;
  /**
   * Share sockets across the tabs of this browser profile: one owner (a
   * SharedWorker, else a leader tab elected with Web Locks) holds one socket
   * per path for every tab, subscribed to the union of their topics; each
   * tab keeps this same API. The code lives behind its own entry, so pages
   * that do not share do not load it: `tabs()` from `@feedkit/client/share`
   * (see its `ShareOptions`). Anything else than a strategy or `false` is a
   * `config` error.
   * @default undefined (each client has its own sockets)
   * @example import { tabs } from '@feedkit/client/share'; createClient({ url, protocol, share: tabs() })
   */
  readonly share?: ShareStrategy | false;
}
