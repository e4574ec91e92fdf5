import type { KnownSystem } from '@feedkit/protocol';
import type { MockServer } from '../mock/MockServer';
import { isRecordedFrame, type Recording } from './Recording';

export interface ReplayOptions {
  /**
   * Playback speed: 1 is real time (the recorded gaps), 10 ten times faster,
   * `Infinity` as fast as possible (in order, no waiting).
   * @default Infinity
   */
  readonly speed?: number;
  /** Stops the replay between two entries. */
  readonly signal?: AbortSignal;
}

export interface ReplayResult {
  /** Frames sent. */
  readonly frames: number;
  /** Recorded closes replayed as closes. */
  readonly closes: number;
}

/** Close codes a server can send in a close frame; others (1005, 1006, 1015) never appear on the wire. */
const sendable = (code: number | undefined): code is number =>
  code !== undefined &&
  ((code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) ||
    (code >= 3000 && code <= 4999));

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Plays a recording into the clients of a mock server: every recorded frame
 * is sent, byte for byte, to the sockets on its path (waiting for the client
 * to connect there first), and every recorded close closes them. A client
 * under test therefore decodes, reconnects and replays exactly as it did
 * when the recording was made.
 *
 * @example
 * const mock = mockTakhin();
 * const client = mock.createClient(takhin());
 * client.feed('metrics').subscribe(render);
 * await replay(parseRecording(readFileSync('incident.jsonl', 'utf8')), mock);
 */
export async function replay<S extends KnownSystem>(
  recording: Recording,
  mock: MockServer<S>,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  if (recording.header.system !== mock.system) {
    throw new TypeError(
      `replay: the recording is of ${recording.header.system}, the mock server is ${mock.system}`,
    );
  }
  const speed = options.speed ?? Number.POSITIVE_INFINITY;
  if (!(speed > 0)) throw new RangeError(`replay: speed must be positive (got ${speed})`);
  let frames = 0;
  let closes = 0;
  let previous = recording.entries[0]?.t ?? 0;
  for (const entry of recording.entries) {
    if (options.signal?.aborted) break;
    if (Number.isFinite(speed)) await sleep((entry.t - previous) / speed, options.signal);
    previous = entry.t;
    const pathname = new URL(entry.path, 'ws://recording').pathname;
    if (isRecordedFrame(entry)) {
      await mock.waitForConnection((c) => c.path === pathname);
      frames += mock.send(entry.frame, { path: pathname }) > 0 ? 1 : 0;
    } else if (entry.event === 'close') {
      const code = sendable(entry.code) ? entry.code : 1012;
      for (const connection of mock.connections(pathname))
        connection.close(code, entry.reason ?? '');
      closes++;
    }
  }
  return { frames, closes };
}
