type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** The browser objects the lifecycle listens to; injectable, so Node tests can drive them. */
export interface LifecycleTargets {
  readonly window: Listenable;
  readonly document: Listenable & { readonly visibilityState: string };
  /** Read once at start: a page that loads offline makes no attempt until `online`. */
  readonly navigator?: { readonly onLine?: boolean };
}

/** What to do with the sockets of a hidden tab. */
export type HiddenTabPolicy =
  /** Keep them open (timers are throttled, but the socket still receives). */
  | 'keep'
  /** Close them cleanly after the tab stayed hidden this long, and reconnect when it is visible again. */
  | { readonly releaseAfterMs: number };

export interface LifecycleOptions {
  /** @default the global `window`, `document` and `navigator` */
  readonly targets?: LifecycleTargets;
  /**
   * Sockets of a hidden tab.
   * @default 'keep'
   * @example hiddenTabs: { releaseAfterMs: 5 * 60_000 }
   */
  readonly hiddenTabs?: HiddenTabPolicy;
}

/** What the lifecycle drives: every socket of one client. */
export interface LifecycleControl {
  /** Close cleanly and make no attempt until `resume` (state `offline`, with `reason`). */
  suspend(reason: string): void;
  /** Connect again at once. */
  resume(): void;
  /** The page woke: check deadlines by the wall clock, retry overdue waits now. */
  wake(): void;
  /** Replace every socket now (back online without having seen `offline`). */
  reconnectNow(): void;
}

/** The targets and options of `ClientOptions.lifecycle`; `undefined`: no lifecycle (off, or not a browser). */
export function lifecycleSetup(
  option: boolean | LifecycleTargets | LifecycleOptions | undefined,
): { targets: LifecycleTargets; options: LifecycleOptions } | undefined {
  if (option === false) return undefined;
  const options: LifecycleOptions =
    option === true || option === undefined
      ? {}
      : 'window' in option
        ? { targets: option }
        : option;
  const targets = options.targets ?? browserTargets();
  return targets && { targets, options };
}

/** The global `window`/`document`/`navigator`, when this is a browser. */
export function browserTargets(): LifecycleTargets | undefined {
  const g = globalThis as {
    window?: LifecycleTargets['window'];
    document?: LifecycleTargets['document'];
    navigator?: LifecycleTargets['navigator'];
  };
  return g.window !== undefined && g.document !== undefined
    ? { window: g.window, document: g.document, navigator: g.navigator }
    : undefined;
}

/** Why the sockets are suspended, by the event that started it; the first one is shown. */
const REASONS = {
  offline: 'the browser is offline',
  pagehide: 'the page was hidden (back/forward cache)',
  freeze: 'the page is frozen',
  hidden: 'the tab was hidden too long',
} as const;
type Cause = keyof typeof REASONS;

/**
 * The page lifecycle, for one client's sockets: no attempts while the
 * browser is offline and back at once on `online`; a clean close on
 * `pagehide` (so the page may enter the back/forward cache) and on `freeze`,
 * and a replay on `pageshow`/`resume`; on wake, deadlines are checked by the
 * wall clock because a hidden or frozen page's timers ran late; optionally
 * hidden tabs release their sockets. Returns the function that stops it.
 */
export function watchBrowserLifecycle(
  targets: LifecycleTargets,
  control: LifecycleControl,
  options: Pick<LifecycleOptions, 'hiddenTabs'> = {},
): () => void {
  const causes = new Set<Cause>();
  const policy = options.hiddenTabs ?? 'keep';
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;

  const add = (cause: Cause) => {
    causes.add(cause);
    control.suspend(REASONS[[...causes][0] as Cause]);
  };
  const remove = (cause: Cause) => {
    if (!causes.delete(cause)) return false;
    const [first] = causes;
    if (first === undefined) control.resume();
    else control.suspend(REASONS[first]);
    return true;
  };

  const onOffline = () => add('offline');
  const onOnline = () => {
    if (!remove('offline') && causes.size === 0) control.reconnectNow();
  };
  const onPageHide = () => add('pagehide');
  // Only a page restored from the back/forward cache (`persisted`) had a `pagehide` to undo.
  const onPageShow = () => remove('pagehide');
  const onFreeze = () => add('freeze');
  const onResume = () => {
    if (!remove('freeze')) control.wake();
  };
  const onVisibility = () => {
    clearTimeout(hiddenTimer);
    hiddenTimer = undefined;
    if (targets.document.visibilityState === 'hidden') {
      if (policy !== 'keep') hiddenTimer = setTimeout(() => add('hidden'), policy.releaseAfterMs);
      return;
    }
    if (!remove('hidden')) control.wake();
  };

  const on: [Listenable, string, (event: Event) => void][] = [
    [targets.window, 'offline', onOffline],
    [targets.window, 'online', onOnline],
    [targets.window, 'pagehide', onPageHide],
    [targets.window, 'pageshow', onPageShow],
    [targets.document, 'freeze', onFreeze],
    [targets.document, 'resume', onResume],
    [targets.document, 'visibilitychange', onVisibility],
  ];
  for (const [target, type, listener] of on) target.addEventListener(type, listener);
  if (targets.navigator?.onLine === false) add('offline');
  return () => {
    clearTimeout(hiddenTimer);
    for (const [target, type, listener] of on) target.removeEventListener(type, listener);
  };
}
