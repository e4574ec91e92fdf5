import { describe, expect, it } from 'vitest';
import { heliosExamples } from '../src/examples/index';
import { Helios } from '../src/index';
import {
  isoSpellings,
  oddMessages,
  withExtraFields,
  withFields,
  withFloats,
} from './support/drift';

const { adapter, feeds } = Helios;

const at = '2024-01-15T10:30:00Z';
const {
  status,
  state_change: stateChange,
  latency,
  snapshot,
  custom_metrics: customMetrics,
} = heliosExamples;

describe('Helios tolerant reader: drifted messages still decode, unknown fields kept', () => {
  it.each<[string, unknown]>([
    ['status with extra fields at every level', withExtraFields(status)],
    ['status with floats for every integer', withFloats(status)],
    ['status with peers: null (a Go nil slice)', withFields(status, ['data.peers'], null)],
    ['status in a state a Raft library adds', withFields(status, ['data.state'], 'Shutdown')],
    [
      'state_change to a state the seed does not name',
      withFields(stateChange, ['data.new_state'], 'PreCandidate'),
    ],
    ['latency with extra fields (not in the series map)', withExtraFields(latency, ['aggregated'])],
    ['snapshot with fractional durations', withFloats(snapshot)],
    [
      'custom_metrics of a type the seed does not show',
      withFields(customMetrics, ['data.request_count.type'], 'summary'),
    ],
    ['pong without a timestamp', { type: 'pong' }],
    ['pong with a non-object data', { type: 'pong', timestamp: at, data: 'ok' }],
    ...isoSpellings.map((t): [string, unknown] => [
      `status stamped ${t}`,
      { ...status, timestamp: t },
    ]),
  ])('%s', (_name, value) => {
    expect(adapter.decode(JSON.stringify(value))).toEqual({ kind: 'message', message: value });
  });

  it.each<[string, unknown, PropertyKey[]]>([
    ['a term that is not a number', withFields(status, ['data.term'], 'five'), ['data', 'term']],
    ['unix seconds where ISO is due', { ...status, timestamp: 1705314600 }, ['timestamp']],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });

  it('a login answer with extra fields keeps them', () => {
    const body = { token: 't', expires_at: '2024-01-15T11:30:00+01:00', role: null, user: 'a' };
    expect(Helios.endpoints.login.response.parse(body)).toEqual(body);
  });
});

describe('Helios feeds: accepts is total', () => {
  const specs = Object.values(feeds).map((factory) => factory());
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );
});
