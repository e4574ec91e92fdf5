import type { TokenAnswer } from './ConnectionOptions';
import type { CloseEvent } from './closeRule';
import { FeedkitError } from './FeedkitError';
import { resolveToken } from './TokenRenewal';

/** What asking the token provider gave: a token (or none), or the failure as a `closeRule` event. */
export interface TokenOutcome {
  readonly token?: string;
  /** Epoch ms after which the server refuses the token, from the provider's grant or the JWT's `exp`. */
  readonly expiresAt?: number;
  readonly failed?: CloseEvent;
  readonly cause?: unknown;
}

function tokenFailed(cause: unknown): TokenOutcome {
  const status = cause instanceof FeedkitError ? cause.status : undefined;
  const message = (cause as Error)?.message ?? String(cause);
  return { failed: { kind: 'token-failed', message, status }, cause };
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}

/**
 * Calls the token provider. A synchronous provider (or none) answers in
 * this very tick, so a socket without credentials opens without a delay;
 * a throw or a rejection becomes a `token-failed` event.
 */
export function requestToken<R>(
  provider: ((request: R) => TokenAnswer | PromiseLike<TokenAnswer>) | undefined,
  request: R,
): TokenOutcome | Promise<TokenOutcome> {
  try {
    const token = provider?.(request);
    return isPromiseLike(token)
      ? Promise.resolve(token).then(resolveToken, tokenFailed)
      : resolveToken(token);
  } catch (cause) {
    return tokenFailed(cause);
  }
}
