import {
  activeImmuneCore,
  type ClientOptions,
  createClient,
  type FeedkitClient,
  helios,
  type Protocol,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';
import type { ConnectOptions } from './TailOptions';

/** The system's protocol with the credentials the user gave. */
export function systemProtocol(options: ConnectOptions): Protocol {
  switch (options.system) {
    case 'takhin':
      return takhin({ apiKey: options.apiKey });
    case 'veloflux':
      return veloflux();
    case 'plataforma-e':
      return plataformaE();
    case 'helios':
      // Without credentials the server refuses the socket, which is reported as an auth failure.
      return options.user !== undefined
        ? helios({ username: options.user, password: options.password ?? '' })
        : helios({ token: options.token });
    case 'active-immune-core':
      return activeImmuneCore({ clientId: options.clientId ?? `feedkit-cli-${process.pid}` });
  }
}

/**
 * The client for the system the user named, with the credentials they gave.
 * The CLI picks systems at run time, so the result is the untyped client;
 * the feed name was already checked against the catalog.
 */
export function createSystemClient(
  options: ConnectOptions,
  extra: Partial<Omit<ClientOptions<Protocol>, 'url' | 'protocol'>> = {},
): FeedkitClient {
  return createClient({
    ...extra,
    url: socketBaseUrl(options.url),
    protocol: systemProtocol(options),
  }) as FeedkitClient;
}

/**
 * `http://host:8080/` as the clients' socket base, `ws://host:8080`: users
 * paste the server's HTTP address, and messages then name the real socket URL.
 */
export function socketBaseUrl(url: string): string {
  return url.replace(/^http(s?):/i, 'ws$1:').replace(/\/+$/, '');
}
