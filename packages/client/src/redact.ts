/** Query parameters whose value is a credential, whatever the system calls it. */
const SECRET_PARAMS =
  /([?&;#](?:token|access_token|id_token|api[_-]?key|key|password|passwd|pass|secret|auth|authorization|jwt|signature|sig)=)[^&;#\s'"]*/gi;
/** `scheme://user:password@host`: everything before the `@`. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s'"]*@/gi;
const BEARER = /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/g;
const MASK = '***';

/**
 * Removes credentials from a text meant for people (an error message, a
 * state's URL or reason, a log line): URL user info, credential query
 * parameters, `Bearer` / `Basic` values, and any of the given secret values
 * wherever they appear.
 *
 * @example redact('ws://admin:pw@host/ws?token=abc') // 'ws://***@host/ws?token=***'
 */
export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
  let out = text.replace(USERINFO, `$1${MASK}@`).replace(SECRET_PARAMS, `$1${MASK}`);
  out = out.replace(BEARER, `$1${MASK}`);
  for (const secret of secrets) {
    // Very short values would mask ordinary words; they are not credentials anyone uses.
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join(MASK);
  }
  return out;
}
