import type { ShareContext, SharedChannels, ShareStrategy } from '../ShareStrategy';
import type { ShareOptions } from './ShareOptions';
import { ownerFunctions, refuseFunctionsInWorker } from './shareConfig';
import { TabClient } from './TabClient';
import { tabShare } from './TabShare';

/**
 * Shares sockets across the tabs of this browser profile: one owner (a
 * SharedWorker, else a leader tab elected with Web Locks and a
 * BroadcastChannel) holds one socket per path for every tab, subscribed to
 * the union of their topics; each tab keeps the client's API. Where the
 * browser has neither, each tab keeps its own sockets.
 *
 * A client whose options carry functions the owner would run (`backoff`,
 * `shouldRetry`, `WebSocket`, `fetch`) is refused with a `config` error
 * unless `worker: false`: see `ShareOptions.worker`.
 * @example
 * import { tabs } from '@feedkit/client/share';
 * const client = createClient({ url, protocol: takhin(), share: tabs() });
 */
export function tabs(options: ShareOptions = {}): ShareStrategy {
  return {
    connect<In>(context: ShareContext<In>): SharedChannels<In> | undefined {
      if (options.worker !== false)
        refuseFunctionsInWorker(context.options, ownerFunctions(context.options));
      const runtime = tabShare(options, context.adapter.system);
      return runtime && new TabClient<In>({ ...context, share: runtime });
    },
  };
}
