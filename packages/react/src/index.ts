// The whole client API, as TanStack's react-query re-exports query-core: one
// import for apps, and a sixth system's binding is here without an edit.
export * from '@feedkit/client';
export { createHooks, type FeedkitHooks } from './createHooks';
export { FeedkitContext, FeedkitProvider, type FeedkitProviderProps } from './FeedkitProvider';
export { type ClientOption, useClient } from './useClient';
export { useConnectionState } from './useConnectionState';
export { type UseFeedOptions, useFeed } from './useFeed';
export { useFeedEvent } from './useFeedEvent';
export { useFeedGap } from './useFeedGap';
export { useFeedStatus } from './useFeedStatus';
export { type RestAction, useRestAction } from './useRestAction';
export { useSuspenseFeed } from './useSuspenseFeed';
