import type { KnownSystem } from '@feedkit/protocol';

/** Where to connect and with which credentials: shared by every command. */
export interface ConnectOptions {
  readonly system: KnownSystem;
  /** Base URL of the server, `http(s)://` or `ws(s)://`. */
  readonly url: string;
  /** Helios bearer token. */
  readonly token?: string;
  /** Helios login. */
  readonly user?: string;
  readonly password?: string;
  /** Takhin API key. */
  readonly apiKey?: string;
  /** Active Immune Core `client_id`. */
  readonly clientId?: string;
}

/** The options that become feed arguments. */
export interface FeedParams {
  /** Plataforma E project id (`project` feed). */
  readonly project?: string;
  /** Plataforma E minimum log level (`logs` feed). */
  readonly level?: string;
  /** Active Immune Core room (`room` feed). */
  readonly room?: string;
  /** Active Immune Core event type (`eventType` feed). */
  readonly type?: string;
  /** Takhin topic (`topic` feed). */
  readonly topic?: string;
  /** Takhin consumer group (`consumerGroup` feed). */
  readonly group?: string;
}

/** Everything `feedkit tail` was asked for, after parsing and validation. */
export interface TailOptions extends ConnectOptions, FeedParams {
  /** The adapter's feed name (`stateChanges`), whatever spelling the user typed. */
  readonly feed: string;
  /** One JSON object per line instead of aligned columns. */
  readonly json: boolean;
}

/** One feed by name with its arguments, as `client.feed(name, ...args)` takes it. */
export interface FeedRequest {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** `feedkit record`: several feeds into one file. */
export interface RecordOptions extends ConnectOptions {
  readonly feeds: readonly FeedRequest[];
  /** The `.jsonl` file to write. */
  readonly out: string;
  /** Stop after this many frames. */
  readonly limit?: number;
  /** Stop after this many ms. */
  readonly durationMs?: number;
}

/** `feedkit doctor`. */
export interface DoctorOptions extends ConnectOptions, FeedParams {
  readonly json: boolean;
  /** How long each feed is watched, in ms. */
  readonly durationMs: number;
}
