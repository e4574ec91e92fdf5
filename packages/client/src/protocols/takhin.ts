import * as Takhin from '@feedkit/protocol/takhin';
import type { Protocol } from '../FeedkitClient';
import type { TokenProvider } from '../TokenProvider';

export interface TakhinOptions {
  /** Static API key, sent as `Authorization: Bearer` from Node and as `?token=` from browsers. */
  readonly apiKey?: string;
  /** Async key provider, called on every (re)connect; wins over `apiKey`. */
  readonly getToken?: TokenProvider;
}

/** Takhin has no REST endpoints in its seed. */
export type TakhinRest = Record<string, never>;

/**
 * Takhin Console (`/api/monitoring/ws`): `metrics`, `topic(name)`, `consumerGroup(id)`.
 * @example createClient({ url: 'ws://localhost:8080', protocol: takhin({ apiKey: 'key' }) })
 */
export function takhin(options: TakhinOptions = {}): Protocol<typeof Takhin.adapter, TakhinRest> {
  const { apiKey, getToken } = options;
  return {
    adapter: Takhin.adapter,
    token: getToken ?? (apiKey === undefined ? undefined : () => apiKey),
    rest: () => ({}),
  };
}

// `@feedkit/client/<this file's name>` is this file: the binding plus createClient and the shared types.
export * from '../common';
