import { useCallback, useEffect, useRef, useState } from 'react';

export interface RestAction<Args extends unknown[], R> {
  /**
   * Starts the call. Resolves with the result, or with `undefined` when it
   * failed (the failure is in `error`), so `onClick={() => run()}` never
   * leaves an unhandled rejection. When calls overlap, the state shows the
   * latest one.
   */
  readonly run: (...args: Args) => Promise<R | undefined>;
  /** A call is in flight. */
  readonly pending: boolean;
  /** Why the latest call failed (a `FeedkitError` with code `rest` for HTTP and schema failures). */
  readonly error: Error | undefined;
  /** The latest successful result. */
  readonly data: R | undefined;
  /** Clears `error` and `data`. */
  readonly reset: () => void;
}

interface State<R> {
  readonly pending: boolean;
  readonly error: Error | undefined;
  readonly data: R | undefined;
}

const idle = { pending: false, error: undefined, data: undefined };

/**
 * Pending, error and result state around a REST helper, for buttons such as
 * pause/resume, force-update, broadcast and login. The latest `fn` is always
 * the one called, so an inline arrow is fine; results that arrive after
 * unmount are dropped.
 *
 * @example
 * const pause = useRestAction(() => client.rest.control({ action: 'pause', type: 'backends' }));
 * <button disabled={pause.pending} onClick={() => pause.run()}>Pause</button>
 */
export function useRestAction<Args extends unknown[], R>(
  fn: (...args: Args) => Promise<R>,
): RestAction<Args, R> {
  const [state, setState] = useState<State<R>>(idle);
  const latestFn = useRef(fn);
  const latestCall = useRef(0);
  const mounted = useRef(false);
  useEffect(() => {
    latestFn.current = fn;
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: Args): Promise<R | undefined> => {
    const call = ++latestCall.current;
    const isCurrent = () => mounted.current && call === latestCall.current;
    setState((s) => ({ ...s, pending: true, error: undefined }));
    try {
      const data = await latestFn.current(...args);
      if (isCurrent()) setState({ pending: false, error: undefined, data });
      return data;
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      if (isCurrent()) setState((s) => ({ pending: false, error, data: s.data }));
      return undefined;
    }
  }, []);
  const reset = useCallback(() => {
    latestCall.current++;
    setState(idle);
  }, []);

  return { run, reset, ...state };
}
