import { type ShallowRef, shallowReadonly, shallowRef } from 'vue';
import { tryOnScopeDispose } from './tryOnScopeDispose';

/** What `useRestAction` returns: `run` and `reset` plus readonly refs of the latest call. */
export interface RestAction<Args extends unknown[], R> {
  /**
   * Starts the call. Resolves with the result, or with `undefined` when it
   * failed (the failure is in `error`), so `@click="action.run()"` never
   * leaves an unhandled rejection. When calls overlap, the refs show the
   * latest one.
   */
  readonly run: (...args: Args) => Promise<R | undefined>;
  /** The latest call is in flight. */
  readonly pending: Readonly<ShallowRef<boolean>>;
  /** Why the latest call failed (a `FeedkitError` with code `rest` for HTTP and schema failures). */
  readonly error: Readonly<ShallowRef<Error | undefined>>;
  /** The latest successful result. */
  readonly data: Readonly<ShallowRef<R | undefined>>;
  /** Clears `error` and `data`, and ignores calls still in flight. */
  readonly reset: () => void;
}

/**
 * Pending, error and result refs around a REST helper, for buttons such as
 * pause/resume, force-update, broadcast and login. A call that settles after
 * a newer one, after `reset()`, or after the scope was disposed writes
 * nothing.
 *
 * @example
 * const pause = useRestAction(() => client.rest.control({ action: 'pause', type: 'backends' }));
 * // <button :disabled="pause.pending.value" @click="pause.run()">Pause</button>
 */
export function useRestAction<Args extends unknown[], R>(
  fn: (...args: Args) => Promise<R>,
): RestAction<Args, R> {
  const pending = shallowRef(false);
  const error = shallowRef<Error | undefined>(undefined);
  const data = shallowRef<R | undefined>(undefined);
  let latestCall = 0;
  let disposed = false;
  tryOnScopeDispose(() => {
    disposed = true;
  });

  async function run(...args: Args): Promise<R | undefined> {
    const call = ++latestCall;
    const isCurrent = () => !disposed && call === latestCall;
    pending.value = true;
    error.value = undefined;
    try {
      const result = await fn(...args);
      if (isCurrent()) {
        data.value = result;
        pending.value = false;
      }
      return result;
    } catch (cause) {
      if (isCurrent()) {
        error.value = cause instanceof Error ? cause : new Error(String(cause));
        pending.value = false;
      }
      return undefined;
    }
  }

  return {
    run,
    reset: () => {
      latestCall++;
      pending.value = false;
      error.value = undefined;
      data.value = undefined;
    },
    pending: shallowReadonly(pending),
    error: shallowReadonly(error),
    data: shallowReadonly(data),
  };
}
