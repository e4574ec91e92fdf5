import type { WebSocketConstructor } from '@feedkit/client';
import type { RecordingEntry } from '@feedkit/testing/recording';
import WebSocket, { type ClientOptions } from 'ws';

/** Socket path and query without credentials: a recording may be shared. */
export function recordedPath(url: string, secretParams: readonly string[] = ['token']): string {
  const parsed = new URL(url);
  for (const name of secretParams) parsed.searchParams.delete(name);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * A `ws` WebSocket class that reports every text frame it receives, and its
 * opening and closing, with the time since `startedAt`. Given to the client
 * as its `WebSocket`, it records exactly what the client decodes, before
 * decoding. A subclass of `ws`, so the client still sees upgrade statuses.
 */
export function recordingSocket(
  record: (entry: RecordingEntry) => void,
  startedAt: number,
  now: () => number = performance.now.bind(performance),
): WebSocketConstructor {
  const since = () => Math.round((now() - startedAt) * 10) / 10;
  class RecordingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[], options?: ClientOptions) {
      super(url, protocols, options);
      const path = recordedPath(url);
      this.on('open', () => record({ t: since(), path, event: 'open' }));
      this.on('message', (data, isBinary) => {
        if (isBinary) return;
        record({ t: since(), path, frame: data.toString() });
      });
      this.on('close', (code, reason) =>
        record({ t: since(), path, event: 'close', code, reason: reason.toString() }),
      );
    }
  }
  return RecordingWebSocket as unknown as WebSocketConstructor;
}
