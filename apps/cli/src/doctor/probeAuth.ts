import { type Adapter, Helios, type KnownSystem } from '@feedkit/protocol';
import { credentialFlags } from '../parseCommandLine';
import type { ConnectOptions } from '../TailOptions';
import type { Check } from './DoctorReport';
import { fetchWithTimeout } from './fetchWithTimeout';
import { describeStatus, openSocket } from './openSocket';

/** How the feeds should carry the credential, once the probes found what the server accepts. */
export interface AuthResult {
  readonly checks: Check[];
  /** Usable: the feed probes may go on. */
  readonly usable: boolean;
  readonly token?: string;
  readonly placement: 'header' | 'query' | 'none';
}

/** Helios: the login endpoint first, with the user's password; its status is the cause when it fails. */
async function heliosLogin(
  httpUrl: string,
  options: ConnectOptions,
  timeoutMs: number,
): Promise<{ check: Check; token?: string }> {
  const path = Helios.endpoints.login.path();
  const response = await fetchWithTimeout(
    `${httpUrl}${path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: options.user, password: options.password }),
    },
    timeoutMs,
  );
  if ('cause' in response)
    return { check: { name: `login POST ${path}`, status: 'fail', detail: response.cause } };
  if (response.status === 401 || response.status === 403) {
    return {
      check: {
        name: `login POST ${path}`,
        status: 'fail',
        detail: `HTTP ${response.status}: wrong user name or password for '${options.user}'`,
      },
    };
  }
  const body = Helios.loginResponseSchema.safeParse(response.json);
  if (response.status !== 200 || !body.success) {
    return {
      check: {
        name: `login POST ${path}`,
        status: 'fail',
        detail: `HTTP ${response.status}: no token in the answer (${response.text.slice(0, 120)})`,
      },
    };
  }
  const role = body.data.role ? `, role ${body.data.role}` : '';
  return {
    check: {
      name: `login POST ${path}`,
      status: 'ok',
      detail: `token issued for '${options.user}'${role}`,
    },
    token: body.data.token,
  };
}

function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.toString();
}

/** Opens and closes one socket; the check names the status or cause. */
async function tryUpgrade(
  name: string,
  url: string,
  headers: Record<string, string>,
  expectOpen: boolean,
  timeoutMs: number,
): Promise<Check & { opened: boolean }> {
  const outcome = await openSocket(url, headers, timeoutMs);
  if (outcome.kind === 'open') {
    outcome.socket.close(1000);
    return {
      name,
      status: expectOpen ? 'ok' : 'warn',
      detail: expectOpen ? `accepted (${outcome.ms} ms)` : 'accepted a socket without credentials',
      opened: true,
    };
  }
  if (outcome.kind === 'refused')
    return {
      name,
      status: expectOpen ? 'fail' : 'ok',
      detail: describeStatus(outcome.status),
      opened: false,
    };
  return { name, status: 'fail', detail: outcome.cause, opened: false };
}

/**
 * Which way of presenting credentials the server accepts: none (refused
 * with 401 as the document says?), the `Authorization` header, the query
 * parameter. Each is tried on its own socket so the report names every path.
 */
export async function probeAuth(
  system: KnownSystem,
  adapter: Adapter<unknown, unknown>,
  socketUrl: string,
  httpUrl: string,
  options: ConnectOptions,
  timeoutMs: number,
): Promise<AuthResult> {
  const auth = adapter.auth;
  const given =
    system === 'helios' ? options.token : system === 'takhin' ? options.apiKey : undefined;
  if (auth === undefined || (!auth.required && given === undefined && options.user === undefined)) {
    return {
      checks: [
        {
          name: 'auth',
          status: 'skip',
          detail:
            auth === undefined
              ? `${system} has no authentication`
              : 'no credentials given; the document makes them optional',
        },
      ],
      usable: true,
      placement: 'none',
    };
  }
  const checks: Check[] = [];
  let token = given;
  if (system === 'helios' && options.user !== undefined) {
    const login = await heliosLogin(httpUrl, options, timeoutMs);
    checks.push(login.check);
    token = login.token;
    if (token === undefined) return { checks, usable: false, placement: 'none' };
  }
  const anonymous = await tryUpgrade(
    'socket without credentials',
    socketUrl,
    {},
    !auth.required,
    timeoutMs,
  );
  checks.push(anonymous);
  if (token === undefined) {
    checks.push({
      name: 'credentials',
      status: 'fail',
      detail: `none given; ${system} requires them: pass ${credentialFlags(system) ?? 'credentials'}`,
    });
    return { checks, usable: false, placement: 'none' };
  }
  let placement: AuthResult['placement'] = 'none';
  if (auth.bearerHeader) {
    const header = await tryUpgrade(
      'Authorization: Bearer header',
      socketUrl,
      { Authorization: `Bearer ${token}` },
      true,
      timeoutMs,
    );
    checks.push(header);
    if (header.opened) placement = 'header';
  }
  if (auth.query !== undefined) {
    const query = await tryUpgrade(
      `?${auth.query}= query parameter`,
      withQuery(socketUrl, auth.query, token),
      {},
      true,
      timeoutMs,
    );
    checks.push(query);
    if (query.opened && placement === 'none') placement = 'query';
  }
  return {
    checks: checks.map(({ name, status, detail }) => ({ name, status, detail })),
    usable: placement !== 'none',
    token,
    placement,
  };
}
