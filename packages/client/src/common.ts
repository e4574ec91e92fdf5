// What every per-system entry (`@feedkit/client/<system>`) re-exports beside
// its binding: enough to create a client, type it and tell its errors apart,
// without the other systems the root entry names.
export type { ClientOptions } from './ClientOptions';
export { createClient } from './createClient';
export type { DriftMode, DriftSnapshot } from './Drift';
export type {
  ClientState,
  ConnectionState,
  ConnectionStatus,
  Feed,
  FeedArgs,
  FeedkitClient,
  FeedName,
  FeedOf,
  RestOf,
} from './FeedkitClient';
export { FeedkitError, type FeedkitErrorCode } from './FeedkitError';
export type { TokenProvider, TokenRequest } from './TokenProvider';
export type { ErrorLogger } from './unheardErrors';
