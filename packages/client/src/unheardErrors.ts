import type { FeedkitError } from './FeedkitError';

/** Where errors go that nothing listens to: `console` by default, `false` for nowhere. */
export type ErrorLogger = Pick<Console, 'warn'> | false;

/**
 * Errors nobody hears. A `for await` loop against a wrong port would
 * otherwise wait in silence while the client retries: when `errors$` has no
 * subscriber, each error is written to the logger, but a repeat of the
 * previous message only once (a retry loop is one line, not one per attempt).
 */
export function unheardErrors(logger: ErrorLogger | undefined): (error: FeedkitError) => void {
  const sink = logger === undefined ? globalThis.console : logger;
  let last: string | undefined;
  return (error) => {
    if (!sink || error.message === last) return;
    last = error.message;
    sink.warn(
      `[feedkit] ${error.code}: ${error.message} (subscribe to client.errors$ to handle errors yourself)`,
    );
  };
}
