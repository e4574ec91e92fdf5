import type { DecodeError, SystemName } from '@feedkit/protocol';
import { BehaviorSubject, type Observable } from 'rxjs';

/**
 * What the client does with a message of a known type that fails
 * validation (the server sends what the documents do not show):
 * - `report`: count it, report it on `errors$` as a `decode` error, deliver nothing;
 * - `deliver`: count it and deliver it, honestly typed, as a `DriftedMessage`
 *   to the feeds that accept its raw value (their type widens accordingly).
 */
export type DriftMode = 'report' | 'deliver';

/** A message that failed validation, delivered as it came (`drift: 'deliver'`). */
export interface DriftedMessage {
  readonly drifted: true;
  /** The message type the frame named. */
  readonly type: string | undefined;
  /** The parsed JSON object, unvalidated: read it defensively. */
  readonly value: Readonly<Record<string, unknown>>;
  /** What did not match the schema. */
  readonly issues: DecodeError['issues'];
}

/** The message type a feed delivers under a drift mode. */
export type Drifting<M, D extends DriftMode> = D extends 'deliver' ? M | DriftedMessage : M;

/** How often one field of one message type failed. */
export interface DriftEntry {
  readonly system: SystemName;
  readonly type: string | undefined;
  /** The failing path, dotted (`data.agent_type`; `(root)` for the message itself). */
  readonly path: string;
  readonly count: number;
  /** The last issue's message, e.g. `expected string, received undefined`. */
  readonly lastIssue: string;
  /** Epoch ms of the last occurrence. */
  readonly lastAt: number;
}

/** Every drift the client saw, per system, message type and failing path. */
export interface DriftSnapshot {
  /** Messages that failed validation. */
  readonly total: number;
  readonly entries: readonly DriftEntry[];
}

/** Counts drift; a new snapshot object per counted message, stable in between. */
export class DriftCounter {
  readonly #entries = new Map<string, DriftEntry>();
  readonly #subject = new BehaviorSubject<DriftSnapshot>({ total: 0, entries: [] });
  readonly snapshot$: Observable<DriftSnapshot> = this.#subject.asObservable();

  get snapshot(): DriftSnapshot {
    return this.#subject.value;
  }

  count(system: SystemName, error: DecodeError): void {
    const at = Date.now();
    const issues =
      error.issues.length > 0 ? error.issues : [{ path: error.path, message: error.message }];
    for (const issue of issues) {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
      const key = `${system}\u0000${error.type}\u0000${path}`;
      const count = (this.#entries.get(key)?.count ?? 0) + 1;
      this.#entries.set(key, {
        system,
        type: error.type,
        path,
        count,
        lastIssue: issue.message,
        lastAt: at,
      });
    }
    this.#subject.next({ total: this.snapshot.total + 1, entries: [...this.#entries.values()] });
  }

  complete(): void {
    this.#subject.complete();
  }
}

/** The drifted form of an `invalid_message` decode error, or `undefined` when it has no object. */
export function driftedMessage(error: DecodeError): DriftedMessage | undefined {
  const value = error.value;
  if (typeof value !== 'object' || value === null) return undefined;
  return {
    drifted: true,
    type: error.type,
    value: value as Record<string, unknown>,
    issues: error.issues,
  };
}

/** Hands a drifted message to the feeds that accept its raw value. */
export function deliverDrifted<M>(
  feeds: Iterable<{
    readonly spec: { accepts(value: unknown): boolean };
    deliver(message: M): void;
  }>,
  drifted: DriftedMessage,
): void {
  for (const feed of feeds) {
    let wanted = false;
    try {
      wanted = feed.spec.accepts(drifted.value);
    } catch {
      // `accepts` runs on a raw, unvalidated value here: a feed that throws on it does not want it.
    }
    if (wanted) feed.deliver(drifted as M);
  }
}
