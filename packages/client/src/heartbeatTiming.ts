import { Heartbeat } from './Heartbeat';

export interface HeartbeatSettings {
  /**
   * Time between pings. @default the system's own interval (Takhin 30 s,
   * Plataforma E 30 s, ...); 15000 for the protocol-level ping Node sends to
   * systems without one (VeloFlux)
   */
  readonly intervalMs?: number;
  /** Silence after which the peer is dead. @default 2 × intervalMs */
  readonly timeoutMs?: number;
}

/** Default protocol-level ping interval for systems without their own heartbeat. */
export const TRANSPORT_PING_INTERVAL_MS = 15_000;

export interface HeartbeatTiming {
  /** What pings: the system's own message, a WebSocket ping frame, or nothing (watch silence only). */
  readonly ping: 'system' | 'transport' | undefined;
  readonly intervalMs: number | undefined;
  /** `undefined`: no dead-peer detection possible. */
  readonly timeoutMs: number | undefined;
}

/**
 * The heartbeat defaults, once: the user's settings over the system's own
 * interval, a transport ping where the socket has one (Node), and the feeds'
 * longest normal silence where nothing can ping (VeloFlux in a browser).
 */
export function heartbeatTiming(input: {
  readonly settings: HeartbeatSettings;
  /** The system's own ping interval, where it has a heartbeat. */
  readonly systemIntervalMs: number | undefined;
  /** Whether the socket can send protocol-level pings (Node's `ws`). */
  readonly transportPing: boolean;
  /** The longest silence that is still normal on the feeds of the socket (0: none known). */
  readonly silenceLimitMs?: number;
}): HeartbeatTiming {
  const { settings, systemIntervalMs, transportPing } = input;
  const ping = systemIntervalMs !== undefined ? 'system' : transportPing ? 'transport' : undefined;
  const intervalMs =
    ping === undefined
      ? undefined
      : (settings.intervalMs ?? systemIntervalMs ?? TRANSPORT_PING_INTERVAL_MS);
  const silence = input.silenceLimitMs ?? 0;
  const timeoutMs =
    settings.timeoutMs ??
    (intervalMs !== undefined ? 2 * intervalMs : silence > 0 ? silence : undefined);
  return { ping, intervalMs, timeoutMs };
}

/**
 * The heartbeat of one open socket, or `undefined` when nothing can watch
 * it: the system's own ping where it has one (answered with a `pong`),
 * else a WebSocket ping frame where the socket can send one (Node; any
 * server answers it), else the feeds' silence limit alone.
 */
export function heartbeatFor(input: {
  readonly settings: HeartbeatSettings | false;
  readonly systemPing:
    | { readonly ping: (now?: number) => string; readonly intervalMs: number }
    | undefined;
  readonly socket: { ping?(): void; on?(event: string, listener: never): unknown };
  readonly silenceLimitMs: number;
  readonly send: (frame: string) => void;
  readonly onDead: () => void;
}): Heartbeat | undefined {
  const { settings, systemPing, socket } = input;
  if (settings === false) return undefined;
  const timing = heartbeatTiming({
    settings,
    systemIntervalMs: systemPing?.intervalMs,
    transportPing: typeof socket.ping === 'function',
    silenceLimitMs: input.silenceLimitMs,
  });
  if (timing.timeoutMs === undefined) return undefined;
  const ping =
    timing.ping === 'system' && systemPing
      ? () => input.send(systemPing.ping(Date.now()))
      : timing.ping === 'transport'
        ? () => socket.ping?.()
        : undefined;
  return new Heartbeat({
    intervalMs: timing.intervalMs,
    timeoutMs: timing.timeoutMs,
    ping,
    // A system ping is answered with a `pong` message; a ping frame's answer is seen only where `ws` reports it.
    answered:
      timing.ping === 'system' || (timing.ping === 'transport' && typeof socket.on === 'function'),
    onDead: input.onDead,
  });
}
