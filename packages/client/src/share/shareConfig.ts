import type { Adapter } from '@feedkit/protocol';
import type { ClientOptions } from '../ClientOptions';
import type { DriftMode } from '../Drift';
import type { Protocol } from '../FeedkitClient';
import { FeedkitError } from '../FeedkitError';
import type { ShareConfig } from './ShareMessages';

/**
 * Where each client option takes effect when the sockets are shared. The
 * owner (a SharedWorker or the leader tab) runs the sockets; the tab keeps
 * feeds, REST, the page lifecycle and drift handling. `owner` options travel
 * in the share config; `function` options are functions the owner runs,
 * which cannot cross `postMessage` (see `ownerFunctions`). The type makes a
 * new option fail to compile until it is placed here.
 */
export const optionPlaces = {
  url: 'owner',
  protocol: 'owner',
  basePath: 'owner',
  heartbeat: 'owner',
  linger: 'owner',
  queue: 'owner',
  stableAfterMs: 'owner',
  connectTimeoutMs: 'owner',
  authQueryParam: 'owner',
  ackTimeoutMs: 'owner',
  headers: 'owner',
  tls: 'owner',
  requestTimeoutMs: 'owner',
  backoff: 'function',
  shouldRetry: 'function',
  WebSocket: 'function',
  fetch: 'function',
  drift: 'tab',
  staleAfter: 'tab',
  iteratorBufferSize: 'tab',
  lifecycle: 'tab',
  logger: 'tab',
  share: 'tab',
} as const satisfies Record<keyof ClientOptions<Protocol>, 'owner' | 'function' | 'tab'>;

/** The options that are functions the owner of the sockets runs. */
export type OwnerFunction = {
  [K in keyof typeof optionPlaces]: (typeof optionPlaces)[K] extends 'function' ? K : never;
}[keyof typeof optionPlaces];

/** The function options a client was given, by name (e.g. `['backoff']`). */
export function ownerFunctions(options: ClientOptions<Protocol, DriftMode>): OwnerFunction[] {
  return (Object.keys(optionPlaces) as (keyof typeof optionPlaces)[]).filter(
    (key): key is OwnerFunction => optionPlaces[key] === 'function' && options[key] !== undefined,
  );
}

/**
 * A SharedWorker cannot run a tab's functions: rather than run its defaults
 * in their place, a client that has any is refused, naming them.
 */
export function refuseFunctionsInWorker(
  options: ClientOptions<Protocol, DriftMode>,
  functions: readonly OwnerFunction[],
): void {
  if (functions.length === 0) return;
  const system = options.protocol.adapter.system;
  throw new FeedkitError(
    'config',
    `share: tabs() runs the sockets in a SharedWorker, which cannot run functions from a tab, so it would ignore ${functions.join(', ')}; pass tabs({ worker: false }) to elect a leader tab that runs them, or leave them out`,
    { system, fatal: true },
  );
}

/** Everything the owner needs to run a client's sockets, as structured-clonable data. */
export function shareConfig(
  options: ClientOptions<Protocol, DriftMode>,
  adapter: Adapter<unknown, unknown>,
): ShareConfig {
  return {
    system: adapter.system,
    url: options.url.replace(/\/+$/, ''),
    query: options.protocol.query,
    acks: options.protocol.answersSubscriptions,
    heartbeat: options.heartbeat,
    linger: options.linger ?? 1000,
    queue: options.queue ?? {},
    stableAfterMs: options.stableAfterMs,
    connectTimeoutMs: options.connectTimeoutMs,
    basePath: options.basePath,
    authQueryParam: options.authQueryParam,
    ackTimeoutMs: options.ackTimeoutMs,
    headers: options.headers,
    tls: options.tls,
    requestTimeoutMs: options.requestTimeoutMs,
    token: options.protocol.token !== undefined,
    functions: ownerFunctions(options),
  };
}

/**
 * The options of the client the owner runs for `config`: every `owner`
 * option as the tab gave it, and `local`, the functions of a client in the
 * owner's own page (a leader tab) that has the same config.
 */
export function sessionOptions(
  config: ShareConfig,
  protocol: Protocol,
  local: Partial<ClientOptions<Protocol>>,
): ClientOptions<Protocol> {
  return {
    url: config.url,
    protocol,
    heartbeat: config.heartbeat,
    linger: config.linger,
    queue: config.queue,
    stableAfterMs: config.stableAfterMs,
    connectTimeoutMs: config.connectTimeoutMs,
    basePath: config.basePath,
    authQueryParam: config.authQueryParam,
    ackTimeoutMs: config.ackTimeoutMs,
    headers: config.headers,
    tls: config.tls,
    requestTimeoutMs: config.requestTimeoutMs,
    // Drift reaches the tabs as its decode error: each tab counts it, and delivers it under `drift: 'deliver'`.
    drift: 'report',
    // Tabs forward their own lifecycle events as `reconnect`.
    lifecycle: false,
    ...local,
  };
}
