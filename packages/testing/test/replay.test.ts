import { takhin } from '@feedkit/client';
import type { Takhin } from '@feedkit/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exampleMessages,
  formatRecordingLine,
  mockTakhin,
  parseRecording,
  RecordingError,
  replay,
} from '../src/index';

const metricsAt = (timestamp: number) =>
  JSON.stringify({ ...exampleMessages.takhin.metrics, timestamp });
const recordingText = [
  formatRecordingLine({
    kind: 'feedkit-recording',
    version: 1,
    system: 'takhin',
    url: 'ws://prod.example:8080',
    feeds: [{ name: 'metrics', args: [] }],
    startedAt: '2026-01-01T00:00:00.000Z',
  }),
  formatRecordingLine({ t: 0, path: '/api/monitoring/ws', event: 'open' }),
  formatRecordingLine({ t: 5, path: '/api/monitoring/ws', frame: metricsAt(1) }),
  formatRecordingLine({ t: 45, path: '/api/monitoring/ws', frame: metricsAt(2) }),
  formatRecordingLine({ t: 50, path: '/api/monitoring/ws', event: 'close', code: 1006 }),
  formatRecordingLine({
    t: 60,
    path: '/api/monitoring/ws',
    frame: '{"type":"metrics","timestamp":3}',
  }),
  formatRecordingLine({ t: 85, path: '/api/monitoring/ws', frame: metricsAt(4) }),
].join('\n');

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function setup() {
  const mock = mockTakhin();
  const client = mock.createClient(takhin());
  stops.push(
    () => client.close(),
    () => mock.stop(),
  );
  const seen: { at: number; timestamp: number }[] = [];
  let third: () => void;
  const threeSeen = new Promise<void>((resolve) => {
    third = resolve;
  });
  client.feed('metrics').subscribe((m: Takhin.MetricsMessage) => {
    if (seen.push({ at: performance.now(), timestamp: m.timestamp }) === 3) third();
  });
  const errors: string[] = [];
  client.errors$.subscribe((e) => errors.push(e.code));
  return { mock, client, seen, errors, threeSeen };
}

describe('replay', () => {
  it('plays every frame and the outage into a real client, as fast as possible', async () => {
    const { mock, seen, errors, threeSeen } = setup();
    const result = await replay(parseRecording(recordingText), mock);
    expect(result).toEqual({ frames: 4, closes: 1 });
    await threeSeen;
    expect(seen.map((s) => s.timestamp)).toEqual([1, 2, 4]);
    // The drifted frame of the recording is reported as the client reported it live.
    expect(errors).toContain('decode');
    // The recorded drop closed the socket; the client came back on a second one.
    expect(mock.history).toHaveLength(2);
  });

  it('keeps the recorded gaps in real time', async () => {
    const { mock, seen, threeSeen } = setup();
    await replay(parseRecording(recordingText), mock, { speed: 1 });
    await threeSeen;
    // 40 ms between the first two frames in the recording; timers never fire early.
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(39);
  });

  it('refuses a recording of another system, and names the bad line of a broken file', async () => {
    const mock = mockTakhin();
    stops.push(() => mock.stop());
    const other = parseRecording(recordingText.replace('"system":"takhin"', '"system":"helios"'));
    await expect(replay(other, mock)).rejects.toThrow(/recording is of helios/);
    expect(() => parseRecording(`${recordingText}\n{"t":-1,"path":"/x","frame":""}`)).toThrow(
      new RecordingError("'t' must be a non-negative number of milliseconds", 8),
    );
    expect(() => parseRecording('{"t":0}')).toThrow(/first line must be a header/);
    expect(() => parseRecording('')).toThrow(/empty recording/);
  });
});
