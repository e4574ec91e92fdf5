import { describe, expect, it } from 'vitest';
import { velofluxExamples } from '../src/examples/index';
import { VeloFlux } from '../src/index';
import {
  isoSpellings,
  oddMessages,
  withExtraFields,
  withFields,
  withFloats,
} from './support/drift';

const { adapter } = VeloFlux;

const { backend_status: backendStatus, metrics, system_status: status } = velofluxExamples;

describe('VeloFlux tolerant reader: drifted messages still decode, unknown fields kept', () => {
  it.each<[string, unknown]>([
    ['backend_status with extra fields at every level', withExtraFields(backendStatus)],
    ['backend_status with floats for every integer', withFloats(backendStatus)],
    [
      'metrics with extra fields at every level',
      withExtraFields(metrics, ['pool_metrics', 'load_distribution']),
    ],
    ['metrics with floats for every integer', withFloats(metrics)],
    ['metrics with forced: null', { ...metrics, forced: null }],
    [
      'metrics with a share over 100 % (float rounding)',
      withFields(metrics, ['data.load_distribution.web-servers'], 100.0000001),
    ],
    ['system_status with extra fields at every level', withExtraFields(status)],
    ['system_status with uptime as a duration', withFields(status, ['data.uptime'], '72h3m0.5s')],
    ['system_status with forced: true', { ...status, forced: true }],
    ...isoSpellings.map((t): [string, unknown] => [
      `backend_status with timestamps spelt ${t}`,
      withFields(backendStatus, ['timestamp', 'backends.0.last_used'], t),
    ]),
  ])('%s', (_name, value) => {
    expect(adapter.decode(JSON.stringify(value))).toEqual({ kind: 'message', message: value });
  });

  it.each([
    [
      'a timestamp that is no date at all',
      withFields(metrics, ['timestamp'], 'yesterday'),
      ['timestamp'],
    ],
    [
      'a wrong type where the types promise a number',
      withFields(metrics, ['data.requests_total'], '15420'),
      ['data', 'requests_total'],
    ],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });
});

describe('VeloFlux feeds: accepts is total', () => {
  const specs = [adapter.feeds.backends(), adapter.feeds.metrics(), adapter.feeds.status()];
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );
});
