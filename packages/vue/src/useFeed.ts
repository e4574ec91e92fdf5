import { type Feed, FeedObserver } from '@feedkit/client';
import {
  effect,
  type MaybeRefOrGetter,
  type ShallowRef,
  shallowReadonly,
  shallowRef,
  stop,
  toValue,
  watch,
} from 'vue';
import { isServer } from './isServer';
import { tryOnScopeDispose } from './tryOnScopeDispose';

export interface UseFeedOptions<M, S = M> {
  /**
   * Picks the slice this component needs. The returned ref changes only when
   * the slice changes (see `isEqual`), so a template, `computed` or `watch`
   * that reads it is not triggered by messages that leave the slice alone.
   * Reactive: refs and props it reads are tracked like a `computed`'s, so a
   * new `address` below re-selects from the current message at once.
   * @default the whole message
   * @example useFeed(backends, { select: (m) => m.backends.find((b) => b.address === address.value) })
   */
  select?: (message: M) => S;
  /**
   * Whether two slices are the same, so the ref keeps the old one.
   * @default Object.is
   */
  isEqual?: (a: S, b: S) => boolean;
}

/**
 * The latest message of a feed (or the selected slice of it) as a readonly
 * `shallowRef`: `undefined` until the first message. A `FeedObserver` does
 * the selecting; this adapts it to Vue.
 *
 * `feed` may be a ref or a getter (`() => client.feed('project', id.value)`),
 * and so may `options`. Because the client returns the same `Feed` for the
 * same arguments, only a real change of feed re-subscribes: exactly one new
 * listen, then one unlisten of the old feed (in that order, so a shared
 * socket is never dropped in between). Disposing the scope (unmount,
 * `scope.stop()`) unlistens. On a server nothing is subscribed.
 */
export function useFeed<M, S = M>(
  feed: MaybeRefOrGetter<Feed<M>>,
  options: MaybeRefOrGetter<UseFeedOptions<M, S>> = {},
): Readonly<ShallowRef<S | undefined>> {
  if (isServer()) {
    // One read, nothing tracked or listened to: a server render never changes.
    const initial = new FeedObserver<M, S>({ ...toValue(options), feed: toValue(feed) });
    return shallowReadonly(shallowRef(initial.getSnapshot()));
  }
  const select = trackedSelect<M, S>(() => resync());
  const resolve = () => {
    const { isEqual, select: pick } = toValue(options);
    return { feed: toValue(feed), isEqual, select: select.wrap(pick) };
  };
  const observer = new FeedObserver<M, S>(resolve());
  const data = shallowRef(observer.getSnapshot());

  const refresh = () => {
    data.value = observer.getSnapshot();
  };
  function resync() {
    observer.setOptions(resolve());
    refresh();
  }
  watch(() => [toValue(feed), toValue(options)], resync);
  const unlisten = observer.listen(refresh);
  tryOnScopeDispose(() => {
    unlisten();
    select.stop();
  });
  // The feed may have moved between the first read and the listen.
  refresh();
  return shallowReadonly(data);
}

/**
 * Runs the user's selector inside a Vue effect, so the refs and props it
 * reads are tracked like a `computed`'s: when one changes, `onDependencyChange`
 * asks for a new selection from the current message. `wrap` returns a fresh
 * function each time, which is what tells the observer to select again.
 */
function trackedSelect<M, S>(onDependencyChange: () => void) {
  let pick: ((message: M) => S) | undefined;
  let input: M;
  let output: S;
  // Created before any selector is set, so its first (immediate) run selects nothing.
  const runner = effect(
    () => {
      if (pick) output = pick(input);
    },
    { scheduler: onDependencyChange },
  );
  return {
    wrap(next: ((message: M) => S) | undefined) {
      pick = next;
      return next
        ? (message: M) => {
            input = message;
            runner();
            return output;
          }
        : undefined;
    },
    stop: () => stop(runner),
  };
}
