import type { Feed, FeedkitError, FeedStatus, FeedStatusName } from '@feedkit/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { ShallowRef } from 'vue';
import { useFeedStatus } from '../src/index';

declare const feed: Feed<{ type: 'metrics' }>;

describe('useFeedStatus types', () => {
  it('returns a readonly ref of the FeedStatus, from a feed, a ref or a getter', () => {
    const status = useFeedStatus(feed);
    expectTypeOf(status).toEqualTypeOf<Readonly<ShallowRef<FeedStatus>>>();
    expectTypeOf(useFeedStatus(() => feed)).toEqualTypeOf<Readonly<ShallowRef<FeedStatus>>>();
    expectTypeOf(status.value.status).toEqualTypeOf<FeedStatusName>();
    expectTypeOf(status.value.lastMessageAt).toEqualTypeOf<number | undefined>();
    expectTypeOf(status.value.gap).toEqualTypeOf<boolean>();
    expectTypeOf(status.value.error).toEqualTypeOf<FeedkitError | undefined>();
  });

  it('takes a feed, not a message or a name', () => {
    // @ts-expect-error a feed name is not a feed
    useFeedStatus('metrics');
  });
});
