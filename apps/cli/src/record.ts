import { createWriteStream } from 'node:fs';
import type { FeedkitClient } from '@feedkit/client';
import { formatRecordingLine, type RecordingEntry } from '@feedkit/testing/recording';
import { Subscription } from 'rxjs';
import { createSystemClient, socketBaseUrl } from './createSystemClient';
import { recordingSocket } from './RecordingSocket';
import type { RecordOptions } from './TailOptions';
import { ExitCode, type TailIo, watchConnection } from './tail';

type UntypedFeeds = {
  feed(name: string, ...args: readonly unknown[]): { subscribe(o: object): Subscription };
};

/**
 * Subscribes to the feeds and writes every frame the server sends, with its
 * time, to `options.out` as JSON lines (see `@feedkit/testing`'s `replay`).
 * Stops on the signal, after `limit` frames or after `durationMs`.
 */
export function record(options: RecordOptions, io: TailIo): Promise<number> {
  const out = createWriteStream(options.out, { encoding: 'utf8' });
  const startedAt = performance.now();
  let frames = 0;
  let finished = false;
  let finish: (code: number, message?: string) => void = () => {};
  const write = (entry: RecordingEntry) => {
    // Closing the client still closes sockets and may deliver a last frame: the file is done.
    if (finished) return;
    out.write(`${formatRecordingLine(entry)}\n`);
    if ('frame' in entry && ++frames === options.limit) finish(ExitCode.ok);
  };
  out.write(
    `${formatRecordingLine({
      kind: 'feedkit-recording',
      version: 1,
      system: options.system,
      url: socketBaseUrl(options.url),
      feeds: options.feeds.map((f) => ({ name: f.name, args: [...f.args] })),
      startedAt: new Date().toISOString(),
    })}\n`,
  );
  const client: FeedkitClient = createSystemClient(options, {
    WebSocket: recordingSocket(write, startedAt),
    lifecycle: false,
  });
  const subscriptions = new Subscription();
  return new Promise<number>((resolve) => {
    finish = (code, message) => {
      if (finished) return;
      finished = true;
      if (message) io.err(io.errColors.red(`feedkit: ${message}`));
      setImmediate(() => {
        subscriptions.unsubscribe();
        clearTimeout(timer);
        client.close();
        io.err(io.errColors.dim(`${frames} frames written to ${options.out}`));
        out.end(() => resolve(code));
      });
    };
    const timer =
      options.durationMs === undefined
        ? undefined
        : setTimeout(() => finish(ExitCode.ok), options.durationMs);
    if (io.signal.aborted) return finish(ExitCode.ok);
    io.signal.addEventListener('abort', () => finish(ExitCode.ok), { once: true });
    subscriptions.add(watchConnection(client, options, io, finish));
    for (const feed of options.feeds) {
      subscriptions.add(
        (client as unknown as UntypedFeeds).feed(feed.name, ...feed.args).subscribe({
          error: (error: unknown) =>
            finish(ExitCode.failure, error instanceof Error ? error.message : String(error)),
        }),
      );
    }
  });
}
