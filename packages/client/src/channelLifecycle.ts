import type { LifecycleControl } from './BrowserLifecycle';

/** What the page lifecycle does to each channel of a client. */
export interface Suspendable {
  suspend(reason: string): void;
  resume(): void;
  wake(): void;
}

/**
 * The page lifecycle's control over one client's channels: it reaches
 * every channel there is, and `created` suspends a channel opened while
 * the page is offline, hidden or frozen, so it makes no attempt either.
 */
export function channelLifecycle<C extends Suspendable>(
  channels: () => Iterable<C>,
  reconnectNow: () => void,
): LifecycleControl & { readonly created: (channel: C) => void } {
  let suspended: string | undefined;
  const each = (act: (channel: C) => void) => {
    for (const channel of [...channels()]) act(channel);
  };
  return {
    suspend: (reason) => {
      suspended = reason;
      each((channel) => channel.suspend(reason));
    },
    resume: () => {
      suspended = undefined;
      each((channel) => channel.resume());
    },
    wake: () => each((channel) => channel.wake()),
    reconnectNow,
    created: (channel) => {
      if (suspended !== undefined) channel.suspend(suspended);
    },
  };
}
