import { expectTypeOf, it } from 'vitest';
import { type FeedMessage, Takhin } from '../src/index';

it('decoded metrics carry the seed types without a cast', () => {
  const result = Takhin.adapter.decode('');
  if (result.kind === 'message' && result.message.type === 'metrics') {
    expectTypeOf(result.message.data.latency.produceP99).toEqualTypeOf<number>();
    expectTypeOf(result.message.timestamp).toEqualTypeOf<number>();
    expectTypeOf(
      result.message.data.consumerLags[0]!.topicLags[0]!.partitionLags[0]!.lag,
    ).toEqualTypeOf<number>();
  }
});

it('feeds are typed by what they deliver', () => {
  expectTypeOf<
    FeedMessage<ReturnType<typeof Takhin.feeds.metrics>>
  >().toEqualTypeOf<Takhin.MetricsMessage>();
  expectTypeOf<
    FeedMessage<ReturnType<typeof Takhin.feeds.consumerGroup>>
  >().toEqualTypeOf<Takhin.GroupUpdatedMessage>();
  // @ts-expect-error a topic feed needs a name
  Takhin.feeds.topic();
});
