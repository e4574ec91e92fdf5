import type { Feed, FeedkitError, FeedStatus, FeedStatusName } from '@feedkit/client';
import { describe, expectTypeOf, it } from 'vitest';
import { useFeedStatus } from '../src/index';
import { useMetrics } from '../src/systems/takhin';

declare const feed: Feed<{ type: 'metrics' }>;

describe('useFeedStatus types', () => {
  it('returns the FeedStatus of any feed', () => {
    const status = useFeedStatus(feed);
    expectTypeOf(status).toEqualTypeOf<FeedStatus>();
    expectTypeOf(status.status).toEqualTypeOf<FeedStatusName>();
    expectTypeOf(status.status).toEqualTypeOf<
      'connecting' | 'live' | 'stale' | 'reconnecting' | 'offline' | 'failed'
    >();
    expectTypeOf(status.lastMessageAt).toEqualTypeOf<number | undefined>();
    expectTypeOf(status.gap).toEqualTypeOf<boolean>();
    expectTypeOf(status.error).toEqualTypeOf<FeedkitError | undefined>();
    expectTypeOf(useMetrics).toBeFunction();
  });

  it('takes a feed, not a message or a name', () => {
    // @ts-expect-error a feed name is not a feed
    useFeedStatus('metrics');
  });
});
