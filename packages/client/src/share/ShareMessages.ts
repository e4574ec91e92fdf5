import type { SystemName } from '@feedkit/protocol';
import type { ClientState } from '../FeedkitClient';
import type { HeartbeatSettings } from '../heartbeatTiming';
import type { OutgoingQueueOptions } from '../OutgoingQueue';
import type { TlsOptions } from '../openSocket';
import type { OwnerFunction } from './shareConfig';
import type { WireError } from './wireError';

/**
 * The messages between a tab and the owner of the shared sockets (a
 * SharedWorker, or the leader tab over a BroadcastChannel). Everything here
 * is structured-clonable: no functions, no class instances.
 */

/** What makes two tabs' clients the same client: the same sockets may serve both. */
export interface ShareConfig {
  readonly system: SystemName;
  /** Base URL of the sockets (without credentials). */
  readonly url: string;
  /** Extra query parameters of every socket URL (Active Immune Core `client_id`). */
  readonly query: Readonly<Record<string, string>> | undefined;
  /** The protocol answers subscription commands (`Protocol.answersSubscriptions`). */
  readonly acks: boolean | undefined;
  readonly heartbeat: HeartbeatSettings | false | undefined;
  readonly linger: number;
  readonly queue: OutgoingQueueOptions;
  readonly stableAfterMs: number | undefined;
  readonly connectTimeoutMs: number | undefined;
  readonly basePath: string | undefined;
  readonly authQueryParam: string | undefined;
  readonly ackTimeoutMs: number | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly tls: TlsOptions | undefined;
  readonly requestTimeoutMs: number | undefined;
  /** The function options the client has (by name): only an owner that has them too may serve it. */
  readonly functions: readonly OwnerFunction[];
  /** The protocol has a token provider: the owner asks a tab for each token. */
  readonly token: boolean;
}

/** How a feed was asked for, so the owner can build the same `FeedSpec`. */
export type FeedCall = readonly [name: string, args: readonly unknown[]];

/** Feed keys by client id: who gets a message, a gap or a failure. */
export type Addressed = Readonly<Record<string, readonly string[]>>;

export interface Liveness {
  /** How often the owner pings the tab. */
  readonly intervalMs: number;
  /** A tab silent this long after a ping is presumed crashed; its topics are released. */
  readonly timeoutMs: number;
}

export type TabMessage = { readonly from: 'tab'; readonly tab: string } & (
  | {
      readonly t: 'join';
      /** A Web Lock the tab holds for its life: the owner learns of its death when it gets it. */
      readonly lock: string | undefined;
      readonly liveness: Liveness;
    }
  | { readonly t: 'bye' }
  | { readonly t: 'pong' }
  | { readonly t: 'open'; readonly client: string; readonly config: ShareConfig }
  | {
      readonly t: 'add';
      readonly client: string;
      readonly path: string;
      readonly url: string;
      readonly key: string;
      readonly feed: FeedCall;
    }
  | { readonly t: 'remove'; readonly client: string; readonly path: string; readonly key: string }
  | {
      readonly t: 'send';
      readonly client: string;
      /** Numbered per client: the owner confirms it with `sent`, and takes each number once. */
      readonly id: number;
      readonly path: string;
      readonly url: string;
      readonly command: unknown;
    }
  | { readonly t: 'reconnect'; readonly client: string }
  | { readonly t: 'close'; readonly client: string }
  | {
      readonly t: 'token';
      readonly id: number;
      readonly token?: string | undefined;
      readonly error?: WireError;
    }
);

/** From the owner. `owner`: a new owner took over; every tab joins again and resends what it holds. */
export type HubMessage = { readonly from: 'hub' } & (
  | { readonly t: 'owner' }
  | { readonly t: 'ping' }
  /** The owner does not know this tab (dropped after silence): join again. */
  | { readonly t: 'rejoin'; readonly tab: string }
  | { readonly t: 'state'; readonly clients: readonly string[]; readonly state: ClientState }
  | {
      readonly t: 'msg';
      readonly message: unknown;
      readonly to: Addressed;
      /** `performance.timeOrigin + performance.now()` when the owner decoded it (hop latency). */
      readonly at: number;
    }
  | { readonly t: 'gap'; readonly to: Addressed }
  | { readonly t: 'fail'; readonly to: Addressed; readonly error: WireError }
  | { readonly t: 'error'; readonly clients: readonly string[]; readonly error: WireError }
  | { readonly t: 'unknown'; readonly clients: readonly string[]; readonly message: unknown }
  | { readonly t: 'token'; readonly client: string; readonly id: number; readonly refresh: boolean }
  /** The owner has the client's send `id` (it delivers or reports it from here on). */
  | { readonly t: 'sent'; readonly client: string; readonly id: number }
);

/** The key under which the owner keeps one client's sockets. */
export function configKey(config: ShareConfig): string {
  return JSON.stringify(config);
}
