import type { AuthPlacement, SystemName } from '@feedkit/protocol';
import type { Backoff } from './Backoff';
import type { HeartbeatSettings } from './heartbeatTiming';
import type { SocketOptions } from './openSocket';
import type { UpgradeProbe } from './probeUpgrade';
import type { ResolvedToken, TokenGrant } from './TokenRenewal';
import type { WebSocketConstructor } from './WebSocketLike';

/** What a token provider may answer: a token, a token with its expiry, or none. */
export type TokenAnswer = string | TokenGrant | undefined;

/** What `shouldRetry` is asked before every reconnect. */
export interface RetryContext {
  readonly attempt: number;
  readonly closeCode?: number;
  readonly reason: string;
}

export interface ConnectionOptions {
  readonly system: SystemName;
  /** Where credentials go on the upgrade. */
  readonly auth: AuthPlacement | undefined;
  /** Called on every connect; `refresh` after refused credentials; `signal` aborts at the connect deadline. */
  readonly token:
    | ((request: {
        readonly refresh: boolean;
        readonly signal: AbortSignal;
      }) => TokenAnswer | PromiseLike<TokenAnswer>)
    | undefined;
  /**
   * A token valid beyond `notBefore` (epoch ms), for moving an open socket
   * to it before its own token expires; shared by every socket of the client.
   */
  readonly renewToken?: ((notBefore: number) => Promise<ResolvedToken>) | undefined;
  readonly WebSocket: WebSocketConstructor;
  /** Wire details of the upgrade: auth query parameter, headers and TLS (Node). */
  readonly socket: SocketOptions;
  readonly backoff: Backoff;
  readonly shouldRetry: (context: RetryContext) => boolean;
  /** How long a socket must stay open before the attempt counter resets. */
  readonly stableAfterMs: number;
  /** How long a connection attempt (token included) may take before it is abandoned. */
  readonly connectTimeoutMs: number;
  readonly heartbeat: HeartbeatSettings | false;
  /** Asks a refused upgrade's status where the socket cannot see it (browsers, Deno, Bun). */
  readonly probe?: UpgradeProbe;
  /** The system's own ping, where it has one. */
  readonly systemPing:
    | { readonly ping: (now?: number) => string; readonly intervalMs: number }
    | undefined;
}
