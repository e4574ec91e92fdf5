export type {
  ClientState,
  ConnectionState,
  ConnectionStatus,
  Feed,
  FeedkitClient,
  FeedkitError,
  FeedkitErrorCode,
} from '@feedkit/client';
export {
  activeImmuneCore,
  createClient,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
export { createHooks, type FeedkitHooks } from './createHooks';
export { FeedkitContext, FeedkitProvider, type FeedkitProviderProps } from './FeedkitProvider';
export { useClient } from './useClient';
export { useConnectionState } from './useConnectionState';
export { type UseFeedOptions, useFeed } from './useFeed';
export { useFeedEvent } from './useFeedEvent';
export { useFeedGap } from './useFeedGap';
export { type RestAction, useRestAction } from './useRestAction';
export { useSuspenseFeed } from './useSuspenseFeed';
