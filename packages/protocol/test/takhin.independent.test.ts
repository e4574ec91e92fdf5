import { describe, expect, it } from 'vitest';
import { takhinMetrics } from '../fixtures/benchMessages';
import { Takhin } from '../src/index';
import { withFields } from './support/drift';

const { adapter } = Takhin;

/** A Go server's metrics when no group lags (apps/independent-servers sends these): `consumerLags: null`. */
const goFrame = withFields(takhinMetrics(), ['data.consumerLags'], null);

const group = (topicLags: unknown) => ({ groupId: 'g', totalLag: 0, topicLags });

describe("Takhin: a Go server's nil slices (null) are read as empty arrays", () => {
  it.each<[string, unknown, unknown]>([
    ['consumerLags: null', goFrame, withFields(goFrame, ['data.consumerLags'], [])],
    [
      'topicStats: null',
      withFields(goFrame, ['data.topicStats'], null),
      withFields(withFields(goFrame, ['data.topicStats'], []), ['data.consumerLags'], []),
    ],
    [
      "a group's topicLags: null",
      withFields(goFrame, ['data.consumerLags'], [group(null)]),
      withFields(goFrame, ['data.consumerLags'], [group([])]),
    ],
    [
      "a topic's partitionLags: null",
      withFields(
        goFrame,
        ['data.consumerLags'],
        [group([{ topic: 't', totalLag: 0, partitionLags: null }])],
      ),
      withFields(
        goFrame,
        ['data.consumerLags'],
        [group([{ topic: 't', totalLag: 0, partitionLags: [] }])],
      ),
    ],
  ])('%s', (_name, sent, delivered) => {
    expect(adapter.decode(JSON.stringify(sent))).toEqual({ kind: 'message', message: delivered });
  });

  it('another fault in the same message is still reported at its own path', () => {
    const result = adapter.decode(
      JSON.stringify(withFields(goFrame, ['data.throughput.produceRate'], 'fast')),
    );
    expect(result.kind === 'error' && result.error.path).toEqual([
      'data',
      'throughput',
      'produceRate',
    ]);
  });

  it('null where the document promises an object is still an error', () => {
    const result = adapter.decode(JSON.stringify(withFields(goFrame, ['data.latency'], null)));
    expect(result.kind === 'error' && result.error.path).toEqual(['data', 'latency']);
  });
});
