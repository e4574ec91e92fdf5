import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takhin } from '@feedkit/client';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { isRecordedFrame, mockTakhin, parseRecording, replay } from '@feedkit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/runCli';

/** How long the recorder may take to start and subscribe. */
const STARTUP_MS = 25_000;

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ timeScale: 0.1, seed: 3, onError: () => {} });
});
afterAll(() => server.stop());

it(
  'records live frames with their timings, and replays them into a client as they came',
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'feedkit-record-')), 'takhin.jsonl');
    const run = runCli([
      'record',
      'takhin',
      'metrics',
      'topic',
      '--topic',
      'orders',
      '--limit',
      '5',
      '--out',
      out,
      '--url',
      server.url,
    ]);
    // A child Node process's start can take seconds on a loaded machine: wait up to the test's own limit.
    await server.waitForConnections(
      (cs) => cs.some((c) => c.subscriptions.includes('topic:orders')),
      STARTUP_MS,
    );
    server.emit('takhin', {
      type: 'topic_created',
      timestamp: 1_700_000_000,
      data: { name: 'orders', partitions: 4 },
    });
    expect(await run.exited).toBe(0);
    expect(run.stderr.text).toMatch(/5 frames written to /);

    const recording = parseRecording(readFileSync(out, 'utf8'));
    expect(recording.header).toMatchObject({
      system: 'takhin',
      feeds: [
        { name: 'metrics', args: [] },
        { name: 'topic', args: ['orders'] },
      ],
    });
    const frames = recording.entries.filter(isRecordedFrame);
    expect(frames).toHaveLength(5);
    expect(frames.every((f) => f.path === '/api/monitoring/ws')).toBe(true);
    const times = recording.entries.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const recorded = frames.map((f) => JSON.parse(f.frame));
    expect(recorded).toContainEqual(
      expect.objectContaining({ type: 'topic_created', data: { name: 'orders', partitions: 4 } }),
    );

    // Replay: the client under test decodes exactly what the recorder received.
    const mock = mockTakhin();
    const client = mock.createClient(takhin());
    const expected = recorded.filter((m) => m.type === 'metrics' || m.type === 'topic_created');
    const seen: unknown[] = [];
    const all = new Promise<void>((resolve) => {
      const push = (m: unknown) => {
        if (seen.push(m) === expected.length) resolve();
      };
      client.feed('metrics').subscribe(push);
      client.feed('topic', 'orders').subscribe(push);
    });
    await mock.waitForTopic('topic:orders');
    expect(await replay(recording, mock)).toEqual({ frames: 5, closes: 0 });
    await all;
    expect(seen).toEqual(expected);
    client.close();
    mock.stop();
  },
  2 * STARTUP_MS,
);
