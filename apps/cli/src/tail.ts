import type { Feed, FeedkitClient, FeedkitError } from '@feedkit/client';
import type { Colors } from 'picocolors/types';
import { Subscription } from 'rxjs';
import { createSystemClient } from './createSystemClient';
import { probeReachability } from './doctor/probeReachability';
import { formatLine } from './formatLine';
import { formatState, stateKey } from './formatState';
import { credentialFlags } from './parseCommandLine';
import { summarize } from './summarize';
import type { ConnectOptions, TailOptions } from './TailOptions';

/** Failed attempts, before any connection was ever open, after which tail gives up. */
const FAIL_FAST_AFTER = 2;

/** Exit codes of `feedkit tail`, as the help text lists them. */
export const ExitCode = {
  /** Stopped by Ctrl-C / SIGTERM. */
  ok: 0,
  /** Could not connect, or the client stopped for a reason other than auth. */
  failure: 1,
  usage: 2,
  /** The server refused the credentials. */
  auth: 3,
} as const;

export interface TailIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Colours for `out` (off in a pipe or with --json). */
  readonly colors: Colors;
  /** Colours for `err`; stderr may be a terminal while stdout is piped. */
  readonly errColors: Colors;
  /** Aborting stops the tail cleanly with exit code 0 (Ctrl-C). */
  readonly signal: AbortSignal;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default createSystemClient */
  readonly createClient?: (options: ConnectOptions) => FeedkitClient;
}

/** The CLI chooses its feed from argv, so it calls `feed` with checked but untyped arguments. */
type UntypedFeeds = { feed(name: string, ...args: readonly unknown[]): Feed<unknown> };

/**
 * Credentials refused: the typed `auth` error, a login that answered
 * 401/403, or a connection error caused by such a login (the client reports
 * a failing token provider as a connection error with the REST error as cause).
 */
export function isAuthFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, status } = error as Partial<FeedkitError>;
  if (code === 'auth' || (code === 'rest' && (status === 401 || status === 403))) return true;
  return error.cause !== undefined && isAuthFailure(error.cause);
}

function authHint(options: ConnectOptions): string {
  if (options.user !== undefined) return 'check --user and the password';
  const flags = credentialFlags(options.system);
  return flags ? `check or pass ${flags}` : 'check the credentials';
}

/**
 * Reports the client's errors and connection states on stderr (one line per
 * retry) and calls `finish` when it should stop: refused credentials (exit
 * 3), a fatal error, or a URL that never answered (exit 1).
 */
export function watchConnection(
  client: FeedkitClient,
  options: ConnectOptions,
  io: TailIo,
  finish: (code: number, message?: string) => void,
): Subscription {
  const now = io.now ?? Date.now;
  const c = io.errColors;
  const subscriptions = new Subscription();
  let everOpen = false;
  let givingUp = false;
  let lastStateKey = '';
  subscriptions.add(
    client.errors$.subscribe((error) => {
      if (isAuthFailure(error)) {
        return finish(
          ExitCode.auth,
          `${options.system} refused the credentials: ${error.message}\n  ${authHint(options)}`,
        );
      }
      if (error.fatal) return finish(ExitCode.failure, `${options.system}: ${error.message}`);
      io.err(c.yellow(`${error.code}: ${error.message}`));
    }),
  );
  subscriptions.add(
    client.state$.subscribe((state) => {
      if (state.status === 'open') everOpen = true;
      // A URL that never answered is a mistake to report, not an outage to
      // wait out. The second failure, not the first: a refused credential
      // gets one retry with a fresh token before the client calls it 'auth'.
      if (!everOpen && state.status === 'reconnecting' && state.attempt >= FAIL_FAST_AFTER) {
        if (givingUp) return;
        givingUp = true;
        const url = state.connections[0]?.url ?? options.url;
        // A closed socket says little (1006); the TCP/TLS probe names the real cause.
        void probeReachability(url).then((probe) =>
          finish(
            ExitCode.failure,
            probe.status === 'fail'
              ? `cannot connect to ${url}: ${probe.detail} (is the server running? check --url)`
              : `cannot connect to ${url}: ${state.reason ?? 'closed'} (the host answers: check that --url is the server's base address and that it runs ${options.system})`,
          ),
        );
        return;
      }
      const key = stateKey(state);
      if (key === lastStateKey) return;
      lastStateKey = key;
      const line = formatState(state, now(), c);
      if (line) io.err(line);
    }),
  );
  return subscriptions;
}

/**
 * Prints every message of one feed until the signal aborts (exit 0), the
 * server refuses the credentials (exit 3), or the first connection cannot be
 * made at all (exit 1). Once a connection has been open, outages are ridden
 * out: the client reconnects and the state goes to stderr.
 */
export function tail(
  options: TailOptions,
  feedArgs: readonly unknown[],
  io: TailIo,
): Promise<number> {
  const now = io.now ?? Date.now;
  const c = io.errColors;
  const client = (io.createClient ?? createSystemClient)(options);
  const subscriptions = new Subscription();

  return new Promise<number>((resolve) => {
    let finished = false;

    const finish = (code: number, message?: string) => {
      if (finished) return;
      finished = true;
      if (message) io.err(c.red(`feedkit: ${message}`));
      // Not from inside the client's own state$ or errors$ callback: closing
      // re-entrantly, mid-transition, let a reconnect timer outlive close().
      setImmediate(() => {
        subscriptions.unsubscribe();
        client.close();
        resolve(code);
      });
    };

    if (io.signal.aborted) return finish(ExitCode.ok);
    io.signal.addEventListener('abort', () => finish(ExitCode.ok), { once: true });

    subscriptions.add(watchConnection(client, options, io, finish));

    const feed = (client as unknown as UntypedFeeds).feed(options.feed, ...feedArgs);
    subscriptions.add(
      feed.subscribe({
        next: (message) => {
          io.out(
            options.json
              ? JSON.stringify(message)
              : formatLine(summarize(options.system, message), new Date(now()), io.colors),
          );
        },
        error: (error: unknown) =>
          finish(ExitCode.failure, error instanceof Error ? error.message : String(error)),
      }),
    );
  });
}
