import type { DecodeResult } from './decoder';
import type { FeedFactories } from './Feed';

/** The five systems feedkit ships adapters for. */
export type KnownSystem = 'veloflux' | 'plataforma-e' | 'helios' | 'active-immune-core' | 'takhin';

/**
 * A system's name. Open, so a sixth system is one adapter folder and no
 * edit here; `string & {}` keeps editor completion for the known five.
 */
export type SystemName = KnownSystem | (string & {});

/** How a message relates to the connection, beyond being data for feeds. */
export type MessageRole =
  /** Ordinary feed data. */
  | 'data'
  /** The answer to our heartbeat. */
  | 'pong'
  /** A server keep-alive we may have to answer (Plataforma E `heartbeat`). */
  | 'heartbeat'
  /** Confirms a subscription change (Plataforma E `subscribed`, AIC `{success:true}`). */
  | 'ack'
  /** The server reports an error in-band. */
  | 'error'
  /** Connection bookkeeping (`connection`, `connected`). */
  | 'control';

/** Where credentials go on the socket upgrade. */
export interface AuthPlacement {
  /** Query parameter that carries the token (Helios `token`), where the seed allows one. */
  readonly query?: string;
  /** Whether `Authorization: Bearer <token>` is accepted on the upgrade (only Node can send it). */
  readonly bearerHeader: boolean;
  /** Whether the system refuses a socket without credentials. */
  readonly required: boolean;
  /**
   * Close codes by which the server refuses the credentials after the
   * upgrade (a token that expired or was revoked): the client asks for a
   * fresh token once, then stops. Codes not listed never mean credentials.
   * @default [] (the seeds name no close code; each system lists the ones its servers use)
   */
  readonly refusedCloseCodes?: readonly number[];
  /**
   * Close codes by which the server says valid credentials lack a permission:
   * fatal at once (a fresh token has the same role).
   * @default []
   */
  readonly forbiddenCloseCodes?: readonly number[];
  /** The role the socket requires, named in a "forbidden" error (Helios: `admin`). */
  readonly requiredRole?: string;
}

/**
 * Everything that differs between systems, as data and pure functions.
 * Adding a sixth system means writing one of these; nothing else changes.
 *
 * `In` is every server-to-client message, `Out` every client-to-server command.
 */
export interface Adapter<In, Out, Feeds extends FeedFactories = FeedFactories> {
  readonly system: SystemName;
  /** Named feed factories: `adapter.feeds.metrics()`. */
  readonly feeds: Feeds;
  /** Frame to typed message, unknown message, or typed error. Never throws. */
  readonly decode: (frame: string) => DecodeResult<In>;
  /** Client command to frame. */
  readonly encode: (command: Out) => string;
  /** Frame from a client to typed command (what the reference server uses). Never throws. */
  readonly decodeCommand: (frame: string) => DecodeResult<Out>;
  /** Server message to frame. */
  readonly encodeMessage: (message: In) => string;
  /**
   * Wire commands that move the server from the topic set `before` to
   * `after`, in order. Replay after a reconnect is `reconcile(∅, desired)`.
   * Returns `[]` when nothing changes.
   */
  readonly reconcile: (
    before: ReadonlySet<string>,
    after: ReadonlySet<string>,
    /** Clock for commands that carry a timestamp (Takhin); milliseconds. @default Date.now() */
    now?: number,
  ) => Out[];
  /** The role a decoded message plays for the connection. */
  readonly roleOf: (message: In) => MessageRole;
  /**
   * The system's own heartbeat, where it has one. `ping()` returns the frame
   * to send (already encoded: Plataforma E accepts the bare text `ping`).
   */
  readonly heartbeat?: {
    readonly ping: (now?: number) => string;
    /** Default interval between pings. */
    readonly intervalMs: number;
  };
  /** Answer to a server keep-alive message, where the protocol expects one. */
  readonly answerHeartbeat?: (message: In) => string | undefined;
  readonly auth?: AuthPlacement;
  /** Largest frame the system accepts or sends, in bytes, where the seed sets one. */
  readonly maxMessageBytes?: number;
}

/** Every server-to-client message of an adapter. */
export type AdapterIn<A> = A extends { readonly decode: (frame: string) => DecodeResult<infer In> }
  ? In
  : never;
/** Every client-to-server command of an adapter. */
export type AdapterOut<A> = A extends { readonly encode: (command: infer Out) => string }
  ? Out
  : never;
/** The feed factories of an adapter. */
export type AdapterFeeds<A> = A extends { readonly feeds: infer F extends FeedFactories }
  ? F
  : never;
