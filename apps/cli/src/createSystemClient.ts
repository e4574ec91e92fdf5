import {
  activeImmuneCore,
  createClient,
  type FeedkitClient,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
import type { TailOptions } from './TailOptions';

/**
 * The client for the system the user named, with the credentials they gave.
 * The CLI picks systems at run time, so the result is the untyped client;
 * the feed name was already checked against the catalog.
 */
export function createSystemClient(options: TailOptions): FeedkitClient {
  const url = socketBaseUrl(options.url);
  switch (options.system) {
    case 'takhin':
      return createClient({ url, protocol: takhin({ apiKey: options.apiKey }) }) as FeedkitClient;
    case 'veloflux':
      return createClient({ url, protocol: veloflux() }) as FeedkitClient;
    case 'plataforma-e':
      return createClient({ url, protocol: plataformaE() }) as FeedkitClient;
    case 'helios':
      return createClient({
        url,
        // Without credentials the server refuses the socket, which tail reports as an auth failure.
        protocol:
          options.user !== undefined
            ? helios({ username: options.user, password: options.password ?? '' })
            : helios({ token: options.token }),
      }) as FeedkitClient;
    case 'active-immune-core':
      return createClient({
        url,
        protocol: activeImmuneCore({ clientId: options.clientId ?? `feedkit-cli-${process.pid}` }),
      }) as FeedkitClient;
  }
}

/**
 * `http://host:8080/` as the clients' socket base, `ws://host:8080`: users
 * paste the server's HTTP address, and messages then name the real socket URL.
 */
export function socketBaseUrl(url: string): string {
  return url.replace(/^http(s?):/i, 'ws$1:').replace(/\/+$/, '');
}
