import { createClient, type FeedkitClient, type Protocol } from '@feedkit/client';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import WebSocket from 'ws';

/**
 * A reference server whose own clock stays out of the way: periodic feeds
 * tick every few minutes at most and nothing is simulated, so the messages a
 * test sees are the ones it emits (plus each feed's state on connect).
 */
export function startQuietServer(): Promise<ReferenceServer> {
  return startReferenceServer({ simulate: false, timeScale: 100, seed: 1 });
}

/**
 * The real client against `server`, reconnecting at once (`backoff`
 * injectable), with Node's `ws` (the DOM test environment's WebSocket is
 * not the one Node users get) and without browser lifecycle hooks.
 */
export function liveClient<P extends Protocol>(
  server: ReferenceServer,
  protocol: P,
  options: { backoff?: () => number; linger?: number } = {},
): FeedkitClient<P> {
  return createClient({
    url: server.wsUrl,
    protocol,
    backoff: options.backoff ?? (() => 0),
    linger: options.linger,
    lifecycle: false,
    WebSocket: WebSocket as never,
  });
}

/** The wire subscriptions of every open connection of `system`, sorted, for equality checks. */
export function wireSubscriptions(
  server: ReferenceServer,
  system: Parameters<ReferenceServer['connections']>[0],
) {
  return server
    .connections(system)
    .map((c) => [...c.subscriptions].sort())
    .sort();
}
