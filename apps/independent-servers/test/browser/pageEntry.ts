// Bundled by esbuild for Chromium: the client as a page loads it (the browser's
// own WebSocket and fetch), driven from the test through `globalThis.feedkitPage`.
import {
  activeImmuneCore,
  createClient,
  type FeedkitError,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';

const bindings = { veloflux, plataformaE, helios, activeImmuneCore, takhin };
export type BindingName = keyof typeof bindings;

/** A feed as the test names it: the feed's name and its arguments. */
export type FeedSpec = readonly [name: string, ...args: unknown[]];

/** What the test sees of a FeedkitError (an Error does not cross page.evaluate whole). */
export interface ErrorView {
  code: string;
  message: string;
  status?: number;
  closeCode?: number;
  fatal: boolean;
}

interface Subscription {
  unsubscribe(): void;
}
interface Feed {
  subscribe(observer: { next(m: unknown): void; error(e: unknown): void }): Subscription;
  first(): Promise<unknown>;
}
interface Stream<T> {
  subscribe(next: (value: T) => void): Subscription;
}
/** The one shape the five typed clients share, for a page that drives any of them. */
interface AnyClient {
  feed(name: string, ...args: unknown[]): Feed;
  readonly rest: Readonly<Record<string, (...args: unknown[]) => Promise<unknown>>>;
  readonly errors$: Stream<FeedkitError>;
  readonly state$: Stream<{ status: string }>;
  readonly drift: { readonly entries: readonly unknown[] };
  close(): void;
}

interface Recording {
  messages: unknown[];
  failure?: ErrorView;
  changed: Set<() => void>;
}

interface Session {
  client: AnyClient;
  errors: ErrorView[];
  errorArrived: Set<() => void>;
  states: string[];
  recordings: Map<string, Recording>;
}

const sessions = new Map<string, Session>();

const view = (e: unknown): ErrorView => {
  const error = e as Partial<FeedkitError>;
  return {
    code: error.code ?? 'not a FeedkitError',
    message: String(error.message ?? e),
    status: error.status,
    closeCode: error.closeCode,
    fatal: error.fatal ?? false,
  };
};

/**
 * Resolves with `settled()`'s first answer, checked now and at every call of the
 * listeners in `changes`; rejects with a thrown answer or after `ms` with `late()`.
 */
function when<T>(
  changes: Set<() => void>,
  settled: () => { value: T } | undefined,
  ms: number,
  late: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      try {
        const answer = settled();
        if (answer === undefined) return;
        resolve(answer.value);
      } catch (error) {
        reject(error);
      }
      finish();
    };
    const timer = setTimeout(() => {
      reject(new Error(late()));
      finish();
    }, ms);
    const finish = () => {
      clearTimeout(timer);
      changes.delete(check);
    };
    changes.add(check);
    check();
  });
}

function session(id: string): Session {
  const found = sessions.get(id);
  if (found === undefined) throw new Error(`no client opened as ${id}`);
  return found;
}

const page = {
  /** A client of `binding(bindingOptions)` at `url`, with a zero backoff so reconnects are immediate. */
  open(id: string, binding: BindingName, url: string, bindingOptions?: unknown, extra = {}): void {
    const protocol = (bindings[binding] as (o?: unknown) => unknown)(bindingOptions);
    const client = (createClient as (o: object) => unknown)({
      url,
      protocol,
      backoff: () => 0,
      ...extra,
    }) as AnyClient;
    const opened: Session = {
      client,
      errors: [],
      errorArrived: new Set(),
      states: [],
      recordings: new Map(),
    };
    client.errors$.subscribe((e) => {
      opened.errors.push(view(e));
      for (const listener of opened.errorArrived) listener();
    });
    client.state$.subscribe((s) => opened.states.push(s.status));
    sessions.set(id, opened);
  },

  /** Subscribes to a feed and keeps everything it delivers under `key`. */
  record(id: string, key: string, [name, ...args]: FeedSpec): void {
    const recording: Recording = { messages: [], changed: new Set() };
    const changed = () => {
      for (const listener of recording.changed) listener();
    };
    session(id).recordings.set(key, recording);
    session(id)
      .client.feed(name, ...args)
      .subscribe({
        next: (message) => {
          recording.messages.push(message);
          changed();
        },
        error: (error) => {
          recording.failure = view(error);
          changed();
        },
      });
  },

  /** The first `count` messages under `key`; rejects on the feed's error or after `ms`. */
  until(id: string, key: string, count: number, ms = 8000): Promise<unknown[]> {
    const recording = session(id).recordings.get(key);
    if (recording === undefined) throw new Error(`${key} is not recorded`);
    return when(
      recording.changed,
      () => {
        if (recording.messages.length >= count)
          return { value: recording.messages.slice(0, count) };
        if (recording.failure) throw new Error(`${key}: ${recording.failure.message}`);
        return undefined;
      },
      ms,
      () => `${key}: ${recording.messages.length} of ${count} messages in ${ms} ms`,
    );
  },

  /** How many messages `key` has so far. */
  count: (id: string, key: string): number => session(id).recordings.get(key)?.messages.length ?? 0,

  /** The error a feed's first value rejects with, or `null` when a message came instead. */
  failure: (id: string, [name, ...args]: FeedSpec) =>
    session(id)
      .client.feed(name, ...args)
      .first()
      .then(
        () => null,
        (e: unknown) => view(e),
      ),

  /** The first error on `errors$` (already reported or still to come). */
  firstError(id: string, ms = 8000): Promise<ErrorView> {
    const { errors, errorArrived } = session(id);
    const first = () => (errors[0] === undefined ? undefined : { value: errors[0] });
    return when(errorArrived, first, ms, () => `no error on errors$ within ${ms} ms`);
  },

  /** A REST helper's answer, or the error it rejected with. */
  rest: async (id: string, method: string, args: unknown[] = []) => {
    const call = session(id).client.rest[method];
    if (call === undefined) throw new Error(`no rest.${method}`);
    try {
      return { answer: await call(...args) };
    } catch (e) {
      return { error: view(e) };
    }
  },

  /** What the client reported: drift, errors on errors$, the states it went through. */
  report(id: string) {
    const { client, errors, states } = session(id);
    return { drift: client.drift.entries.length, errors, states };
  },

  close(id: string): void {
    session(id).client.close();
    sessions.delete(id);
  },
};

export type FeedkitPage = typeof page;

Object.assign(globalThis, { feedkitPage: page });
