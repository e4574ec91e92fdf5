import type { SystemName } from '@feedkit/protocol';
import type { CloseRule } from './closeRule';
import type { FailureDetail } from './explainSocketEnd';
import { FeedkitError } from './FeedkitError';
import { redact } from './redact';

export interface ConnectionErrorExtra {
  readonly closeCode?: number;
  readonly status?: number;
  readonly cause?: unknown;
  readonly fatal?: boolean;
}

/**
 * The errors of one connection: each names its socket URL and system, and
 * none carries a credential the connection has used.
 */
export class ConnectionErrors {
  readonly #url: string;
  readonly #system: SystemName;
  /** Credentials the connection has used, kept out of every message and state. */
  readonly #secrets = new Set<string>();

  /** `url`: already redacted. */
  constructor(url: string, system: SystemName) {
    this.#url = url;
    this.#system = system;
  }

  /** A token the connection uses from now on. */
  remember(token: string | undefined): void {
    if (token !== undefined) this.#secrets.add(token);
  }

  /** `text` without any credential the connection has used. */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }

  error(code: FeedkitError['code'], message: string, extra: ConnectionErrorExtra): FeedkitError {
    return new FeedkitError(code, this.redact(`${this.#url}: ${message}`), {
      system: this.#system,
      path: this.#url,
      ...extra,
    });
  }

  /** The error `rule` reports, if any; `reason` is the rule's, redacted. */
  ofRule(
    rule: CloseRule,
    reason: string,
    closeCode: number | undefined,
    detail: FailureDetail,
  ): FeedkitError | undefined {
    return (
      rule.error &&
      this.error(rule.error, rule.advice ? `${reason}: ${rule.advice}` : reason, {
        closeCode,
        status: detail.httpStatus,
        cause: detail.cause,
        fatal: rule.action === 'fatal',
      })
    );
  }

  /** A socket URL the WebSocket constructor refused (it throws synchronously: nothing to retry). */
  invalidUrl(cause: unknown): FeedkitError {
    return this.error('connection', `cannot open a socket: ${(cause as Error).message}`, {
      cause,
      fatal: true,
    });
  }

  /** Renewing the token failed; the socket is kept. */
  renewal(cause: unknown): FeedkitError {
    const message = this.redact((cause as Error)?.message ?? String(cause));
    return this.error(
      'auth',
      `renewing the token before it expires failed (${message}); the socket is kept until the server refuses the old token`,
      { cause },
    );
  }

  /** The connection closed for good; `reason`: the closed state's. */
  closed(reason: string | undefined): FeedkitError {
    return this.error('connection', `connection closed (${reason ?? 'closed'})`, { fatal: true });
  }
}
