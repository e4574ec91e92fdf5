import * as Helios from '@feedkit/protocol/helios';
import { callEndpoint } from '../callEndpoint';
import type { Http, Protocol } from '../FeedkitClient';
import { type RestHelpers, restHelpers } from '../restHelpers';
import type { TokenProvider } from '../TokenProvider';

export type HeliosOptions =
  /** A token you already have (or none yet: `client.rest.login(...)` provides it). */
  | { readonly token?: string; readonly getToken?: undefined; readonly username?: undefined }
  /** Your own provider, called on every (re)connect. */
  | { readonly getToken: TokenProvider; readonly token?: undefined; readonly username?: undefined }
  /** Log in with `POST /api/auth/login` on connect, and again whenever the token is refused or expires. */
  | {
      readonly username: string;
      readonly password: string;
      readonly token?: undefined;
      readonly getToken?: undefined;
    };

export type HeliosRest = RestHelpers<typeof Helios.endpoints>;

/** A token is renewed this long before its `expires_at`, so a reconnect never presents a dead one. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Helios (`/ws/cluster`, admin bearer token required: the `Authorization`
 * header from Node, `?token=` from browsers). REST: `login({ username, password })`,
 * whose token the socket then uses.
 * @example createClient({ url: 'ws://localhost:8080', protocol: helios({ username: 'admin', password: 'admin123' }) })
 */
export function helios(options: HeliosOptions = {}): Protocol<typeof Helios.adapter, HeliosRest> {
  let current: { token: string; expiresAt: number } | undefined =
    options.token === undefined ? undefined : { token: options.token, expiresAt: Infinity };

  const login = async (http: Http, body: Helios.LoginRequest, signal?: AbortSignal) => {
    const response = await callEndpoint(http, 'helios', Helios.endpoints.login, [], body, {
      signal,
    });
    current = {
      token: response.token,
      expiresAt: response.expires_at ? Date.parse(response.expires_at) : Infinity,
    };
    return response;
  };

  const fresh = () => current !== undefined && current.expiresAt - EXPIRY_MARGIN_MS > Date.now();

  let token: TokenProvider;
  if (options.getToken) {
    token = options.getToken;
  } else if (options.username !== undefined) {
    const credentials = { username: options.username, password: options.password };
    token = async ({ refresh, http, signal }) => {
      if (refresh || !fresh()) await login(http, credentials, signal);
      // The login's `expires_at` lets the client renew before it (a JWT's `exp` would do too).
      return (
        current && {
          token: current.token,
          expiresAt: Number.isFinite(current.expiresAt) ? current.expiresAt : undefined,
        }
      );
    };
  } else {
    token = () => current?.token;
  }

  return {
    adapter: Helios.adapter,
    token,
    rest: (http) => ({
      ...restHelpers('helios', Helios.endpoints, http),
      login: (body: Helios.LoginRequest) => login(http, body),
    }),
  };
}

// `@feedkit/client/<this file's name>` is this file: the binding plus createClient and the shared types.
export * from '../common';
