import type { KnownSystem } from '@feedkit/protocol';

/** `ok` healthy, `warn` worth knowing, `fail` a problem (exit 1), `skip` not checked (and why). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  /** What was seen, with the real cause when it failed. */
  readonly detail: string;
}

/** What the document says and what the server did, for one feed. */
export interface FeedReport extends Check {
  readonly path?: string;
  readonly messages: number;
  /** ms from the socket opening to the first message of the feed. */
  readonly firstMessageMs?: number;
  /** Median ms between messages, and the document's period, for periodic feeds. */
  readonly cadence?: { readonly medianMs?: number; readonly documentedMs: number };
  readonly drift: {
    /** Message types the document does not name. */
    readonly unknownTypes: readonly string[];
    /** Known types whose fields fail the document's schema: `type at path: message`. */
    readonly invalid: readonly string[];
    /** Fields the document does not name: `type.path`. */
    readonly unknownFields: readonly string[];
  };
  readonly ping: Check;
  readonly acks: Check;
}

export interface DoctorReport {
  readonly system: KnownSystem;
  readonly url: string;
  readonly reachability: Check;
  readonly auth: readonly Check[];
  readonly feeds: readonly FeedReport[];
  readonly rest: readonly Check[];
  /** 0 healthy, 1 problems found, 2 unreachable. */
  readonly exitCode: 0 | 1 | 2;
}

/** Exit code of a report: unreachable beats problems beats healthy. */
export function exitCodeOf(report: Omit<DoctorReport, 'exitCode'>): 0 | 1 | 2 {
  if (report.reachability.status === 'fail') return 2;
  const all: Check[] = [
    ...report.auth,
    ...report.rest,
    ...report.feeds.flatMap((f) => [f, f.ping, f.acks]),
  ];
  return all.some((check) => check.status === 'fail') ? 1 : 0;
}
