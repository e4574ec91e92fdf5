import type { SystemName } from '@feedkit/protocol';
import { ActiveImmuneCoreServer } from './active-immune-core/ActiveImmuneCoreServer';
import { HeliosServer } from './helios/HeliosServer';
import { PlataformaEServer } from './plataforma-e/PlataformaEServer';
import type { SystemContext } from './SystemServer';
import { TakhinServer } from './takhin/TakhinServer';
import { VeloFluxServer } from './veloflux/VeloFluxServer';

/** The options that belong to one system each. */
export interface SystemOptions {
  /** Lifetime of a Helios token, in seconds (real time, not scaled; fractions allowed). @default 3600 */
  readonly heliosTokenTtlSeconds?: number;
  /** When set, Takhin requires it as `Authorization: Bearer` or `?token=`. @default undefined (no auth) */
  readonly takhinApiKey?: string;
  /**
   * Query parameter that carries the Takhin API key for clients that cannot
   * send headers (the seed says only "query parameters or headers").
   * @default 'token'
   */
  readonly takhinApiKeyQuery?: string;
  /** Plataforma E's simultaneous connection limit (`WEBSOCKET_MAX_CONNECTIONS`). @default 1000 */
  readonly maxConnections?: number;
}

/** The five systems, by their protocol name. */
export interface Systems {
  readonly veloflux: VeloFluxServer;
  readonly 'plataforma-e': PlataformaEServer;
  readonly helios: HeliosServer;
  readonly 'active-immune-core': ActiveImmuneCoreServer;
  readonly takhin: TakhinServer;
}

/** Default Helios token lifetime: an hour. */
export const DEFAULT_HELIOS_TOKEN_TTL_SECONDS = 3600;

export function createSystems(ctx: SystemContext, options: SystemOptions): Systems {
  return {
    veloflux: new VeloFluxServer(ctx),
    'plataforma-e': new PlataformaEServer(ctx, options.maxConnections),
    helios: new HeliosServer(
      ctx,
      options.heliosTokenTtlSeconds ?? DEFAULT_HELIOS_TOKEN_TTL_SECONDS,
    ),
    'active-immune-core': new ActiveImmuneCoreServer(ctx),
    takhin: new TakhinServer(ctx, options.takhinApiKey, options.takhinApiKeyQuery),
  } satisfies Record<SystemName, unknown>;
}
