// `@feedkit/client/share`: sharing sockets across tabs, kept out of every
// other entry so that a page that does not share does not download it.
export type { ShareContext, SharedChannels, ShareStrategy } from '../ShareStrategy';
export type { ShareOptions } from './ShareOptions';
export type { OwnerFunction } from './shareConfig';
export { tabs } from './tabs';
