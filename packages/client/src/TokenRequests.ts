import type { ConnectionOptions } from './ConnectionOptions';
import type { CloseAction, CloseHistory } from './closeRule';
import { requestToken, type TokenOutcome } from './requestToken';

/**
 * A connection's calls of its token provider: after refused credentials the
 * next call asks for a fresh token, each call is aborted with its attempt,
 * and refusals in a row are counted for `closeRule`.
 */
export class TokenRequests {
  readonly #provider: ConnectionOptions['token'];
  #authFailures = 0;
  #refresh = false;
  /** Aborts the provider call of the current attempt. */
  #abort: AbortController | undefined;

  constructor(provider: ConnectionOptions['token']) {
    this.#provider = provider;
  }

  /** What the rule needs to know of earlier refusals. */
  get history(): CloseHistory {
    return { authFailures: this.#authFailures };
  }

  /** Asks for the token of a new attempt. */
  request(): TokenOutcome | Promise<TokenOutcome> {
    const refresh = this.#refresh;
    this.#refresh = false;
    const abort = new AbortController();
    this.#abort = abort;
    return requestToken(this.#provider, { refresh, signal: abort.signal });
  }

  /** The attempt is over: a provider still working is told to stop. */
  abort(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** The rule's action after a close: a refusal counts, and the next token is a fresh one. */
  ruled(action: CloseAction): void {
    if (action === 'auth') this.#authFailures++;
    if (action === 'auth' || action === 'refresh') this.#refresh = true;
  }

  /** A socket stayed open long enough: earlier refusals are no longer in a row. */
  stable(): void {
    this.#authFailures = 0;
  }
}
