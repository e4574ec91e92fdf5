import type { Feed, FeedkitError } from '@feedkit/client';
import { type MaybeRefOrGetter, type ShallowRef, shallowRef, watch } from 'vue';
import { isServer } from './isServer';
import { type UseFeedOptions, useFeed } from './useFeed';
import { watchFeed } from './watchFeed';

/**
 * `useFeed` for a `<Suspense>` boundary: awaited in `async setup()` (or at
 * the top level of `<script setup>`), it resolves at the feed's first
 * message, so the ref it gives has no `undefined` of its own and the
 * component renders only with data. A fatal error of the feed (credentials
 * refused, client closed) rejects it before data, and is thrown from a
 * watcher after: either way it reaches the nearest `onErrorCaptured` (or
 * `app.config.errorHandler`); such a feed never updates again.
 *
 * Everything is set up before the first `await`, so it keeps the
 * component's scope and lets go at unmount. On a server there is no socket:
 * it rejects, like `@feedkit/react`'s `useSuspenseFeed` throws; render such
 * a component on the client only, or use `useFeed` there.
 *
 * @example
 * // Rate.vue, inside <Suspense> with a fallback:
 * const rate = await useSuspenseFeed(() => client.feed('metrics'), {
 *   select: (m) => m.data.throughput.produceRate,
 * });
 */
export function useSuspenseFeed<M, S = M>(
  feed: MaybeRefOrGetter<Feed<M>>,
  options?: MaybeRefOrGetter<UseFeedOptions<M, S>>,
): Promise<Readonly<ShallowRef<S>>> {
  if (isServer()) {
    return Promise.reject(
      new Error('useSuspenseFeed: a live feed has no data on the server; render it on the client'),
    );
  }
  const data = useFeed(feed, options);
  const error = shallowRef<FeedkitError | undefined>();
  const hasMessage = shallowRef(false);
  watchFeed(feed, (current) => {
    const read = () => {
      error.value = current.error;
      hasMessage.value = current.getSnapshot() !== undefined;
    };
    const stop = current.listen(read);
    read();
    return stop;
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    watch(
      [error, hasMessage],
      ([failed, ready]) => {
        if (failed && settled) throw failed;
        if (failed) reject(failed);
        // A message exists, so the value is what `select` made of it (which may itself include undefined).
        else if (ready) resolve(data as Readonly<ShallowRef<S>>);
        settled ||= failed !== undefined || ready;
      },
      { immediate: true },
    );
  });
}
