import type { KnownSystem } from '@feedkit/protocol';

/** First line of a `.jsonl` recording: what was recorded, from where, when. */
export interface RecordingHeader {
  readonly kind: 'feedkit-recording';
  readonly version: 1;
  readonly system: KnownSystem;
  /** Base URL of the server, without credentials. */
  readonly url: string;
  /** The feeds as named on the command line: `[{ name: 'topic', args: ['orders'] }]`. */
  readonly feeds: readonly { readonly name: string; readonly args: readonly unknown[] }[];
  /** ISO time of the first line. */
  readonly startedAt: string;
}

/** One frame as it arrived: `t` ms after the recording started, on socket `path`. */
export interface RecordedFrame {
  /** Milliseconds since `startedAt`. */
  readonly t: number;
  /** Socket path and query, credentials removed (`/ws/logs?level=info`). */
  readonly path: string;
  /** The text frame, byte for byte. */
  readonly frame: string;
}

/** A socket opening or closing, so a replay can show the same outage. */
export interface RecordedEvent {
  readonly t: number;
  readonly path: string;
  readonly event: 'open' | 'close';
  readonly code?: number;
  readonly reason?: string;
}

export type RecordingEntry = RecordedFrame | RecordedEvent;

export interface Recording {
  readonly header: RecordingHeader;
  readonly entries: readonly RecordingEntry[];
}

/** A recording that cannot be read: which line and why. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  constructor(
    message: string,
    /** 1-based line number. */
    readonly line: number,
  ) {
    super(`recording line ${line}: ${message}`);
  }
}

/** One line of the file (no newline). */
export function formatRecordingLine(entry: RecordingHeader | RecordingEntry): string {
  return JSON.stringify(entry);
}

export const isRecordedFrame = (entry: RecordingEntry): entry is RecordedFrame =>
  typeof (entry as RecordedFrame).frame === 'string';

function parseEntry(value: unknown, line: number): RecordingEntry {
  const entry = value as Partial<RecordedFrame & RecordedEvent>;
  if (typeof entry !== 'object' || entry === null) throw new RecordingError('not an object', line);
  if (typeof entry.t !== 'number' || !Number.isFinite(entry.t) || entry.t < 0)
    throw new RecordingError("'t' must be a non-negative number of milliseconds", line);
  if (typeof entry.path !== 'string' || !entry.path.startsWith('/'))
    throw new RecordingError("'path' must be a socket path starting with '/'", line);
  if (typeof entry.frame === 'string') return { t: entry.t, path: entry.path, frame: entry.frame };
  if (entry.event === 'open' || entry.event === 'close') return entry as RecordedEvent;
  throw new RecordingError("expected a 'frame' string or an 'event' of open or close", line);
}

/** Reads a `.jsonl` recording; throws `RecordingError` naming the first bad line. */
export function parseRecording(text: string): Recording {
  const lines = text.split('\n');
  const entries: RecordingEntry[] = [];
  let header: RecordingHeader | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new RecordingError(`not JSON (${(cause as Error).message})`, line);
    }
    if (header === undefined) {
      const candidate = value as Partial<RecordingHeader>;
      if (candidate?.kind !== 'feedkit-recording' || candidate.version !== 1)
        throw new RecordingError(
          "the first line must be a header with kind 'feedkit-recording', version 1",
          line,
        );
      header = candidate as RecordingHeader;
      return;
    }
    entries.push(parseEntry(value, line));
  });
  if (header === undefined) throw new RecordingError('empty recording: no header', 1);
  return { header, entries };
}
