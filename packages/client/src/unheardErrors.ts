import type { FeedkitError } from './FeedkitError';

/** Where errors go that nothing listens to: `console` by default, `false` for nowhere. */
export type ErrorLogger = Pick<Console, 'warn'> | false;

/** Sources remembered at most (socket and REST paths): a page uses a handful. */
const MAX_SOURCES = 100;

/**
 * Errors nobody hears. A `for await` loop against a wrong port would
 * otherwise wait in silence while the client retries: when `errors$` has no
 * subscriber, each error is written to the logger, but a repeat of its
 * source's previous message only once (a retry loop is one line, not one per
 * attempt). Per source (the error's socket or REST path): a page with feeds on
 * several sockets interleaves their errors, and each socket's loop is still
 * one line.
 */
export function unheardErrors(logger: ErrorLogger | undefined): (error: FeedkitError) => void {
  const sink = logger === undefined ? globalThis.console : logger;
  const last = new Map<string, string>();
  return (error) => {
    const source = error.path ?? '';
    if (!sink || last.get(source) === error.message) return;
    last.delete(source);
    last.set(source, error.message);
    // A Map iterates in insertion order: the first key is the longest unheard from.
    if (last.size > MAX_SOURCES) last.delete(last.keys().next().value as string);
    sink.warn(
      `[feedkit] ${error.code}: ${error.message} (subscribe to client.errors$ to handle errors yourself)`,
    );
  };
}
