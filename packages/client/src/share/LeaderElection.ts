import type { ClientOptions } from '../ClientOptions';
import type { Protocol } from '../FeedkitClient';
import { type HubLink, type LockRequester, ShareHub, type ShareHubOptions } from './ShareHub';
import type { HubMessage, ShareConfig, TabMessage } from './ShareMessages';

export interface LeaderElectionOptions {
  /** BroadcastChannel and lock name. */
  readonly name: string;
  readonly locks: LockRequester & {
    request(name: string, callback: () => Promise<void>): Promise<unknown>;
  };
  /** Events of the page: `freeze` hands ownership over, `resume` stands again. */
  readonly page: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  readonly local: (config: ShareConfig) => Partial<ClientOptions<Protocol>> | undefined;
  /** The adapters of this page's clients: a leader tab does not load the other systems. */
  readonly adapters: ShareHubOptions['adapters'];
}

/**
 * Where there is no SharedWorker: the tab holding the owner lock runs the
 * hub, and speaks to every tab (itself included) over a BroadcastChannel.
 * Closing the tab frees the lock and the next tab in line takes over; a tab
 * that is frozen gives ownership away first, since a frozen owner serves
 * nobody. Returns the function that stops standing.
 */
export function electLeader(options: LeaderElectionOptions): () => void {
  let resign: (() => void) | undefined;
  let stopped = false;
  const stand = () => {
    void options.locks.request(`${options.name}:owner`, () => lead(options, (r) => (resign = r)));
  };
  const onFreeze = () => {
    if (!resign) return;
    resign();
    resign = undefined;
    // Back in line, behind the tabs that are still awake.
    if (!stopped) stand();
  };
  options.page.addEventListener('freeze', onFreeze);
  stand();
  return () => {
    stopped = true;
    options.page.removeEventListener('freeze', onFreeze);
    resign?.();
  };
}

/** Runs the hub until `resign` is called; the lock is held as long as the returned promise is pending. */
function lead(
  options: LeaderElectionOptions,
  onResign: (resign: () => void) => void,
): Promise<void> {
  return new Promise<void>((release) => {
    const channel = new BroadcastChannel(options.name);
    const post = (message: HubMessage) => channel.postMessage(message);
    // Every message carries its addressees; one post reaches every tab.
    const link: HubLink = {
      post: (_tab, message) => post(message),
      postAll: (_tabs, message) => post(message),
    };
    const hub = new ShareHub({
      link,
      adapters: options.adapters,
      locks: options.locks,
      local: options.local,
    });
    channel.onmessage = (event: MessageEvent<TabMessage>) => hub.receive(event.data);
    onResign(() => {
      hub.close();
      channel.close();
      release();
    });
    post({ from: 'hub', t: 'owner' });
  });
}
