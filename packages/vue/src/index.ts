/**
 * `@feedkit/vue`: the plugin and the system-independent composables. The
 * named composables of each system live in their own entry point
 * (`@feedkit/vue/takhin`, `@feedkit/vue/veloflux`, ...), so an app bundles
 * only the schemas of the systems it uses.
 */
// The whole client API, as TanStack's react-query re-exports query-core: one
// import for apps, and a sixth system's binding is here without an edit.
export * from '@feedkit/client';
export { createHooks, type FeedkitHooks } from './createHooks';
export { FeedkitProvider } from './FeedkitProvider';
export { type FeedkitPluginOptions, feedkit } from './feedkit';
export { feedkitClientKey, feedkitClientKeyOf } from './feedkitClientKey';
export { provideClient } from './provideClient';
export { type ClientOption, useClient } from './useClient';
export { useConnectionState } from './useConnectionState';
export { type UseFeedOptions, useFeed } from './useFeed';
export { useFeedEvent } from './useFeedEvent';
export { useFeedGap } from './useFeedGap';
export { useFeedStatus } from './useFeedStatus';
export { type RestAction, useRestAction } from './useRestAction';
export { useSuspenseFeed } from './useSuspenseFeed';
