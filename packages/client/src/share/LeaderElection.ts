import type { ClientOptions } from '../ClientOptions';
import type { Protocol } from '../FeedkitClient';
import { type HubLink, type LockRequester, ShareHub, type ShareHubOptions } from './ShareHub';
import type { HubMessage, ShareConfig, TabMessage } from './ShareMessages';

export interface LeaderElectionOptions {
  /** BroadcastChannel and lock name. */
  readonly name: string;
  readonly locks: LockRequester;
  /** The document's `freeze` hands ownership over and leaves the line, `resume` stands again. */
  readonly page: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** The window's `pagehide` (closing, or into the back/forward cache) does the same, `pageshow` stands again. */
  readonly window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  readonly local: (config: ShareConfig) => Partial<ClientOptions<Protocol>> | undefined;
  /** The adapters of this page's clients: a leader tab does not load the other systems. */
  readonly adapters: ShareHubOptions['adapters'];
}

/**
 * Where there is no SharedWorker: the tab holding the owner lock runs the
 * hub, and speaks to every tab (itself included) over a BroadcastChannel.
 * Closing the tab frees the lock and the next tab in line takes over. A
 * frozen or hidden page serves nobody: on `freeze` or `pagehide` a leader resigns (its sockets close
 * cleanly, the lock goes to the next tab) and a tab in line leaves the line,
 * so the lock never lands on a tab that cannot run; on `resume` it gets in
 * line again (as on `pageshow`), behind the tabs that stayed awake. Returns the function that
 * stops standing.
 */
export function electLeader(options: LeaderElectionOptions): () => void {
  let resign: (() => void) | undefined;
  let line: AbortController | undefined;
  const stand = () => {
    line = new AbortController();
    const { signal } = line;
    options.locks
      .request(`${options.name}:owner`, { signal }, () => lead(options, (r) => (resign = r)))
      .catch(() => {}); // left the line (frozen or stopped)
  };
  const sitDown = () => {
    line?.abort();
    line = undefined;
    resign?.();
    resign = undefined;
  };
  const onResume = () => {
    if (!line) stand();
  };
  const events = [
    [options.page, 'freeze', sitDown],
    [options.page, 'resume', onResume],
    // A closing leader hands over at once and closes its sockets cleanly (what they hold is flushed).
    [options.window, 'pagehide', sitDown],
    [options.window, 'pageshow', onResume],
  ] as const;
  for (const [target, type, listener] of events) target.addEventListener(type, listener);
  stand();
  return () => {
    for (const [target, type, listener] of events) target.removeEventListener(type, listener);
    sitDown();
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
