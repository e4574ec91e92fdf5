/** The browser objects the lifecycle listens to; injectable for tests. */
export interface LifecycleTargets {
  readonly window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  readonly document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    readonly visibilityState: string;
  };
}

export interface BrowserLifecycleOptions {
  /** Called when the socket should be replaced at once. */
  readonly reconnect: () => void;
  /** A tab hidden longer than this (the heartbeat timeout) may hold a dead socket. */
  readonly hiddenLongerThanMs: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The global `window`/`document`, when this is a browser. */
export function browserTargets(): LifecycleTargets | undefined {
  const g = globalThis as {
    window?: LifecycleTargets['window'];
    document?: LifecycleTargets['document'];
  };
  return g.window !== undefined && g.document !== undefined
    ? { window: g.window, document: g.document }
    : undefined;
}

/**
 * Reconnects at once when the browser comes back online, and when a tab
 * becomes visible after being hidden longer than the heartbeat timeout
 * (timers are throttled in hidden tabs, so the heartbeat may not have
 * noticed a dead socket). Returns the function that removes the listeners.
 */
export function watchBrowserLifecycle(
  targets: LifecycleTargets,
  options: BrowserLifecycleOptions,
): () => void {
  const now = options.now ?? Date.now;
  let hiddenAt: number | undefined;
  const onOnline = () => options.reconnect();
  const onVisibility = () => {
    if (targets.document.visibilityState === 'hidden') {
      hiddenAt = now();
      return;
    }
    if (hiddenAt !== undefined && now() - hiddenAt > options.hiddenLongerThanMs) {
      options.reconnect();
    }
    hiddenAt = undefined;
  };
  targets.window.addEventListener('online', onOnline);
  targets.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    targets.window.removeEventListener('online', onOnline);
    targets.document.removeEventListener('visibilitychange', onVisibility);
  };
}
