import type * as ActiveImmuneCore from '../active-immune-core/index';
import type { KnownSystem } from '../core/index';
import type * as Helios from '../helios/index';
import type * as PlataformaE from '../plataforma-e/index';
import type * as Takhin from '../takhin/index';
import type * as VeloFlux from '../veloflux/index';

/** `{ [message[key]]: message }` for a union of messages. */
type ByKey<M, K extends string> = {
  [T in M extends Record<K, infer V extends string> ? V : never]: Extract<M, Record<K, T>>;
};

/**
 * Every server-to-client message of every system, by the name a test uses
 * for it: the `type` field, Active Immune Core's `event_type`, and
 * `response` for its `{success, message, data}` command answers.
 */
export interface SystemMessages {
  readonly veloflux: ByKey<VeloFlux.ServerMessage, 'type'>;
  readonly 'plataforma-e': ByKey<PlataformaE.ServerMessage, 'type'>;
  readonly helios: ByKey<Helios.ServerMessage, 'type'>;
  readonly 'active-immune-core': ByKey<ActiveImmuneCore.ServerEvent, 'event_type'> & {
    readonly response: ActiveImmuneCore.CommandResponse;
  };
  readonly takhin: ByKey<Takhin.ServerMessage, 'type'>;
}

/** The message names of one system: `'metrics' | 'topic_created' | ...`. */
export type MessageName<S extends KnownSystem> = keyof SystemMessages[S] & string;

/** The typed message called `name` in `system`. */
export type MessageOf<S extends KnownSystem, N extends MessageName<S>> = SystemMessages[S][N];
