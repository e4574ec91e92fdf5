/** A token and, where known, when it expires. */
export interface TokenGrant {
  readonly token: string;
  /** Epoch ms (or a Date) after which the server refuses the token. */
  readonly expiresAt?: number | Date;
}

/** What a provider answer becomes: the token, and its expiry from the grant or the JWT's `exp`. */
export interface ResolvedToken {
  readonly token: string | undefined;
  readonly expiresAt: number | undefined;
}

/** Renew at most this long before expiry, however long the token lives. */
export const MAX_RENEWAL_LEAD_MS = 60_000;

/**
 * How long before `expiresAt` to renew a token obtained at `obtainedAt`: a
 * third of its life, at most a minute, so a 3 s test token renews after
 * 2 s and an hour-long one a minute before it expires.
 */
export function renewalLead(obtainedAt: number, expiresAt: number): number {
  return Math.min(MAX_RENEWAL_LEAD_MS, Math.max(0, expiresAt - obtainedAt) / 3);
}

/** Longer than this, a token is not renewed (a timer cannot wait that long; 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** When a token just obtained expires, if it expires soon enough to plan its renewal. */
export function expiryOf(
  expiresAt: number | undefined,
): { readonly obtainedAt: number; readonly expiresAt: number } | undefined {
  const now = Date.now();
  return expiresAt === undefined || !(expiresAt - now < LONGEST_TIMER_MS)
    ? undefined
    : { obtainedAt: now, expiresAt };
}

/** The `exp` claim of a JWT as epoch ms; `undefined` for anything that is not a JWT with a numeric `exp`. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp)
      ? claims.exp * 1000
      : undefined;
  } catch {
    return undefined;
  }
}

/** A provider's answer as a token and its expiry. */
export function resolveToken(answer: string | TokenGrant | undefined): ResolvedToken {
  if (answer === undefined) return { token: undefined, expiresAt: undefined };
  if (typeof answer === 'string') return { token: answer, expiresAt: jwtExpiry(answer) };
  const { expiresAt } = answer;
  return {
    token: answer.token,
    expiresAt:
      expiresAt === undefined
        ? jwtExpiry(answer.token)
        : expiresAt instanceof Date
          ? expiresAt.getTime()
          : expiresAt,
  };
}

type Ask = () => string | TokenGrant | undefined | PromiseLike<string | TokenGrant | undefined>;

/**
 * The token provider of one client, for renewals: one renewal in flight,
 * shared by every socket of the client, and a socket that asks after
 * another already renewed gets that token instead of a new call.
 */
export class TokenRenewals {
  readonly #ask: Ask;
  #inFlight: Promise<ResolvedToken> | undefined;
  #latest: ResolvedToken | undefined;

  constructor(ask: Ask) {
    this.#ask = ask;
  }

  /** A token valid beyond `notBefore` (epoch ms): the latest renewal's, or a new one. */
  renew(notBefore: number): Promise<ResolvedToken> {
    const latest = this.#latest;
    if (latest?.expiresAt !== undefined && latest.expiresAt > notBefore) {
      return Promise.resolve(latest);
    }
    this.#inFlight ??= Promise.resolve()
      .then(() => this.#ask())
      .then(resolveToken)
      .then(
        (resolved) => {
          this.#latest = resolved;
          this.#inFlight = undefined;
          return resolved;
        },
        (error: unknown) => {
          this.#inFlight = undefined;
          throw error;
        },
      );
    return this.#inFlight;
  }
}

/** The steps of one renewal, as the connection provides them. */
export interface SocketRenewal<S> {
  /** A token valid beyond the current one (shared by every socket of the client). */
  readonly renew: () => Promise<ResolvedToken>;
  /** When the current token expires: a token that does not outlive it is no renewal. */
  readonly expiresAt: number;
  /** Whether the socket being renewed is still the connection's open socket. */
  readonly current: () => boolean;
  readonly open: (token: string | undefined) => { socket: S; seesUpgradeStatus: boolean };
  /** The new socket is open: make it the connection's. */
  readonly adopt: (socket: S, seesUpgradeStatus: boolean, token: ResolvedToken) => void;
  readonly failed: (cause: unknown) => void;
}

/**
 * Gets a fresh token and opens a second socket with it; only once that one
 * is open does the connection switch (make before break). A new socket
 * that is refused or a provider that fails leaves the old socket as it is:
 * when the server refuses the old token, the usual reconnect path takes over.
 */
export function renewSocket<
  S extends {
    onopen: ((event: never) => void) | null;
    onclose: ((event: never) => void) | null;
    onerror: ((event: never) => void) | null;
    close(code?: number, reason?: string): void;
  },
>(steps: SocketRenewal<S>): void {
  steps.renew().then(
    (next) => {
      if (!steps.current() || next.token === undefined) return;
      if (next.expiresAt !== undefined && next.expiresAt <= steps.expiresAt) return;
      let opening: { socket: S; seesUpgradeStatus: boolean };
      try {
        opening = steps.open(next.token);
      } catch (cause) {
        steps.failed(cause);
        return;
      }
      const { socket, seesUpgradeStatus } = opening;
      socket.onopen = () => {
        socket.onopen = socket.onclose = null;
        if (steps.current()) steps.adopt(socket, seesUpgradeStatus, next);
        else socket.close(1000, 'not needed any more');
      };
      socket.onclose = () =>
        steps.failed(new Error('the server refused a socket with the new token'));
      socket.onerror = () => {};
    },
    (cause: unknown) => {
      if (steps.current()) steps.failed(cause);
    },
  );
}
