import type { Adapter } from '../core/Adapter';
import { createDecoder } from '../core/decoder';
import { defineFeed } from '../core/Feed';
import { readField } from '../core/readField';
import {
  type BackendStatusMessage,
  type ClientCommand,
  clientCommandSchemas,
  type MetricsMessage,
  type ServerMessage,
  type SystemStatusMessage,
  serverMessageSchemas,
} from './messages';

export const VELOFLUX_PATHS = {
  backends: '/api/ws/backends',
  metrics: '/api/ws/metrics',
  status: '/api/ws/status',
} as const;

/** The seed's default update intervals ("Intervalos de Atualização"). */
export const VELOFLUX_BACKENDS_INTERVAL_MS = 5_000;
export const VELOFLUX_METRICS_INTERVAL_MS = 10_000;
export const VELOFLUX_STATUS_INTERVAL_MS = 15_000;

/**
 * VeloFlux has no application heartbeat, so silence is the only sign of a
 * dead peer: two missed ticks plus half a tick of slack for a slow server.
 */
export const VELOFLUX_SILENCE_FACTOR = 2.5;

/**
 * A VeloFlux client never has anything to say, so any frame it sends is
 * refused early; 4 KiB is far above anything a misbehaving client should send.
 */
export const VELOFLUX_MAX_COMMAND_LENGTH = 4096;

const typeOf = (message: unknown) => readField(message, 'type');

export const feeds = {
  /** `backend_status` every 5 s (and on force-update) on its own socket. */
  backends: () =>
    defineFeed<BackendStatusMessage>({
      key: 'veloflux:backends',
      path: VELOFLUX_PATHS.backends,
      accepts: (m) => typeOf(m) === 'backend_status',
      silenceTimeoutMs: VELOFLUX_BACKENDS_INTERVAL_MS * VELOFLUX_SILENCE_FACTOR,
      cadenceMs: VELOFLUX_BACKENDS_INTERVAL_MS,
    }),
  /** `metrics` every 10 s (and on force-update) on its own socket. */
  metrics: () =>
    defineFeed<MetricsMessage>({
      key: 'veloflux:metrics',
      path: VELOFLUX_PATHS.metrics,
      accepts: (m) => typeOf(m) === 'metrics',
      silenceTimeoutMs: VELOFLUX_METRICS_INTERVAL_MS * VELOFLUX_SILENCE_FACTOR,
      cadenceMs: VELOFLUX_METRICS_INTERVAL_MS,
    }),
  /** `system_status` every 15 s (and on force-update) on its own socket. */
  status: () =>
    defineFeed<SystemStatusMessage>({
      key: 'veloflux:status',
      path: VELOFLUX_PATHS.status,
      accepts: (m) => typeOf(m) === 'system_status',
      silenceTimeoutMs: VELOFLUX_STATUS_INTERVAL_MS * VELOFLUX_SILENCE_FACTOR,
      cadenceMs: VELOFLUX_STATUS_INTERVAL_MS,
    }),
} as const;

const discriminate = (value: Record<string, unknown>) =>
  typeof value.type === 'string' ? value.type : undefined;

export const adapter: Adapter<ServerMessage, ClientCommand, typeof feeds> = {
  system: 'veloflux',
  feeds,
  decode: createDecoder<ServerMessage>({
    system: 'veloflux',
    schemas: serverMessageSchemas,
    discriminate,
  }),
  decodeCommand: createDecoder<ClientCommand>({
    system: 'veloflux',
    schemas: clientCommandSchemas,
    discriminate,
    maxLength: VELOFLUX_MAX_COMMAND_LENGTH,
  }),
  encode: (command) => JSON.stringify(command),
  encodeMessage: (message) => JSON.stringify(message),
  // One socket per feed and no topics: there is never anything to (un)subscribe.
  reconcile: () => [],
  roleOf: () => 'data',
};
