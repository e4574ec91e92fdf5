import type { FeedkitClient } from '@feedkit/client';
import type { App, Plugin } from 'vue';
import { feedkitClientKey, feedkitClientKeyOf } from './feedkitClientKey';

export interface FeedkitPluginOptions {
  /** The client every composable of the app uses (by its system). */
  client?: FeedkitClient;
  /**
   * Several clients, one per system, for an app that speaks to more than one.
   * The last one is also what a bare `useClient()` returns.
   */
  clients?: readonly FeedkitClient[];
}

/**
 * The plugin: `app.use(feedkit, { client })`. The app owns the client; the
 * plugin closes nothing on unmount, so a client can outlive an app (tests,
 * micro-frontends).
 */
export const feedkit: Plugin<[FeedkitPluginOptions]> = {
  install(app: App, options: FeedkitPluginOptions): void {
    const clients = [...(options.clients ?? []), ...(options.client ? [options.client] : [])];
    if (clients.length === 0) {
      throw new Error('app.use(feedkit, options): pass { client } or { clients: [...] }.');
    }
    // Per system for each; the generic key once, for the last (Vue warns on a re-provide).
    for (const client of clients) app.provide(feedkitClientKeyOf(client.system), client);
    app.provide(feedkitClientKey, clients[clients.length - 1]!);
  },
};
