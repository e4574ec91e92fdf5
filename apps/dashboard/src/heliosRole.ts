import type { Helios } from '@feedkit/protocol';

/**
 * The role a Helios sign-in granted: the login response's `role` when the
 * server sends one, else the token's `role` claim when the token is a JWT
 * that has one. `undefined` when neither says. A browser cannot see the 403
 * of a refused socket upgrade, so this is how the page learns beforehand
 * that a viewer will be refused.
 */
export function heliosRole(login: Helios.LoginResponse): string | undefined {
  if (login.role) return login.role;
  const payload = login.token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const role = (claims as { role?: unknown } | null)?.role;
    return typeof role === 'string' ? role : undefined;
  } catch {
    return undefined; // not a JWT: nothing to read
  }
}
