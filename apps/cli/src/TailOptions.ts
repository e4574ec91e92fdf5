import type { SystemName } from '@feedkit/protocol';

/** Everything `feedkit tail` was asked for, after parsing and validation. */
export interface TailOptions {
  readonly system: SystemName;
  /** The adapter's feed name (`stateChanges`), whatever spelling the user typed. */
  readonly feed: string;
  /** Base URL of the server, `http(s)://` or `ws(s)://`. */
  readonly url: string;
  /** Helios bearer token. */
  readonly token?: string;
  /** Helios login. */
  readonly user?: string;
  readonly password?: string;
  /** Takhin API key. */
  readonly apiKey?: string;
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
  /** Active Immune Core `client_id`. */
  readonly clientId?: string;
  /** One JSON object per line instead of aligned columns. */
  readonly json: boolean;
}
