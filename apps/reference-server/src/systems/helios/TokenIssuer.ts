import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'admin' | 'viewer';

/** The seed's admin plus a viewer, who may log in but is refused on the socket. */
export const USERS: Readonly<Record<string, { password: string; role: Role }>> = {
  admin: { password: 'admin123', role: 'admin' },
  viewer: { password: 'viewer123', role: 'viewer' },
};

export interface Claims {
  readonly sub: string;
  readonly role: Role;
  /** Expiry, epoch seconds (fractional, so sub-second TTLs work in tests). */
  readonly exp: number;
  readonly iat: number;
}

export type Verification =
  | { readonly ok: true; readonly claims: Claims }
  | { readonly ok: false; readonly reason: string };

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * HS256 JWTs (the seed calls them "JWT token"), signed with a key made per
 * server instance, so a token from another run is refused like a forged one.
 */
export class TokenIssuer {
  private readonly key = randomBytes(32);

  constructor(
    /** Lifetime in seconds. */
    readonly ttlSeconds: number,
  ) {}

  issue(username: string, ttlSeconds = this.ttlSeconds): { token: string; claims: Claims } {
    const user = USERS[username];
    if (user === undefined) throw new TypeError(`no Helios user '${username}'`);
    const iat = Date.now() / 1000;
    const claims: Claims = { sub: username, role: user.role, iat, exp: iat + ttlSeconds };
    const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    return { token: `${head}.${this.sign(head)}`, claims };
  }

  verify(token: string): Verification {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'token is not a JWT' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'token signature is invalid' };
    }
    let claims: Claims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    } catch {
      return { ok: false, reason: 'token payload is not JSON' };
    }
    if (typeof claims.exp !== 'number' || Date.now() / 1000 >= claims.exp) {
      return { ok: false, reason: 'token has expired; log in again' };
    }
    return { ok: true, claims };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
