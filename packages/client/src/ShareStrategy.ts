import type { Adapter, SystemName } from '@feedkit/protocol';
import type { ChannelLike } from './ChannelLike';
import type { ChannelEvents, ChannelOptions } from './ChannelOptions';
import type { ClientOptions } from './ClientOptions';
import type { DriftMode } from './Drift';
import type { Http, Protocol } from './FeedkitClient';
import { FeedkitError } from './FeedkitError';

/** What `createClient` hands a share strategy about the client it is creating. */
export interface ShareContext<In> {
  readonly adapter: Adapter<unknown, unknown>;
  readonly options: ClientOptions<Protocol, DriftMode>;
  readonly http: Http;
  /** The client's own sinks for messages, errors, unknown messages and drift. */
  readonly events: Pick<ChannelEvents<In>, 'message' | 'error' | 'unknown' | 'drift'>;
}

/** The shared side of one client: its channels are proxies of sockets held elsewhere. */
export interface SharedChannels<In> {
  /** The channel of a socket path, for `createClient`'s registry. */
  channel<Out>(path: string, options: ChannelOptions<In, Out>): ChannelLike<In, Out>;
  /** Records how `feed` was asked for, so the owner of the sockets can build the same feed. */
  remember(feed: object, name: string, args: readonly unknown[]): void;
  close(): void;
}

/**
 * How a client shares its sockets (`createClient({ share })`). The core knows
 * only this; the code that shares lives behind its own entry, so that a page
 * that does not share does not download it: `tabs()` from
 * `@feedkit/client/share`.
 */
export interface ShareStrategy {
  /** `undefined`: sharing is not available here, the client keeps its own sockets. */
  connect<In>(context: ShareContext<In>): SharedChannels<In> | undefined;
}

/** The strategy of `options.share`; anything else than a strategy or `false` is a `config` error. */
export function shareStrategy(share: unknown, system: SystemName): ShareStrategy | undefined {
  if (share === undefined || share === false) return undefined;
  if (typeof (share as Partial<ShareStrategy> | null)?.connect === 'function')
    return share as ShareStrategy;
  const given = typeof share === 'string' ? `'${share}'` : typeof share;
  throw new FeedkitError(
    'config',
    `share: ${given} is not a share strategy; write import { tabs } from '@feedkit/client/share' and pass share: tabs() (or tabs({ worker, liveness })), or share: false`,
    { system, fatal: true },
  );
}
