/**
 * `@feedkit/vue`: the plugin and the system-independent composables. The
 * named composables of each system live in their own entry point
 * (`@feedkit/vue/takhin`, `@feedkit/vue/veloflux`, ...), so an app bundles
 * only the schemas of the systems it uses.
 */
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
export { FeedkitProvider } from './FeedkitProvider';
export { type FeedkitPluginOptions, feedkit } from './feedkit';
export { feedkitClientKey, feedkitClientKeyOf } from './feedkitClientKey';
export { provideClient } from './provideClient';
export { type ClientOption, useClient } from './useClient';
export { useConnectionState } from './useConnectionState';
export { type UseFeedOptions, useFeed } from './useFeed';
export { useFeedEvent } from './useFeedEvent';
export { useFeedGap } from './useFeedGap';
export { type RestAction, useRestAction } from './useRestAction';
