import type { Feed } from '@feedkit/client';
import {
  computed,
  type MaybeRefOrGetter,
  type ShallowRef,
  shallowReadonly,
  shallowRef,
  toValue,
} from 'vue';
import { isServer } from './isServer';
import { watchFeed } from './watchFeed';

export interface UseFeedOptions<M, S = M> {
  /**
   * Picks the slice this component needs. The returned ref changes only when
   * the slice changes (see `isEqual`), so a template, `computed` or `watch`
   * that reads it is not triggered by messages that leave the slice alone.
   * @default the whole message
   * @example useFeed(backends, { select: (m) => m.backends.find((b) => b.address === addr) })
   */
  select?: (message: M) => S;
  /**
   * Whether two slices are the same, so the ref keeps the old one.
   * @default Object.is
   */
  isEqual?: (a: S, b: S) => boolean;
}

const identity = <T>(value: T) => value;

/**
 * The latest message of a feed (or the selected slice of it) as a readonly
 * `shallowRef`: `undefined` until the first message.
 *
 * `feed` may be a ref or a getter (`() => client.feed('project', id.value)`).
 * Because the client returns the same `Feed` for the same arguments, only a
 * real change of feed re-subscribes: exactly one new listen, then one
 * unlisten of the old feed (in that order, so a shared socket is never
 * dropped in between). Disposing the scope (unmount, `scope.stop()`)
 * unlistens. On a server nothing is subscribed.
 */
export function useFeed<M, S = M>(
  feed: MaybeRefOrGetter<Feed<M>>,
  options: UseFeedOptions<M, S> = {},
): Readonly<ShallowRef<S | undefined>> {
  const select = options.select ?? (identity as (message: M) => S);
  const isEqual = options.isEqual ?? Object.is;
  const source = computed(() => toValue(feed));
  const read = (f: Feed<M>): S | undefined => {
    const message = f.getSnapshot();
    return message === undefined ? undefined : select(message);
  };
  const data = shallowRef<S | undefined>(read(source.value));
  if (isServer()) return shallowReadonly(data);

  watchFeed(source, (current) => {
    const next = read(current);
    const previous = data.value;
    if (next === undefined || previous === undefined) data.value = next;
    else if (!isEqual(previous, next)) data.value = next;
  });
  return shallowReadonly(data);
}
