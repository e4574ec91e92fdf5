import type { ReferenceServerOptions } from '../ReferenceServer';
import { ActiveImmuneCoreServer } from './active-immune-core/ActiveImmuneCoreServer';
import { HeliosServer } from './helios/HeliosServer';
import { PlataformaEServer } from './plataforma-e/PlataformaEServer';
import type { SystemContext } from './SystemServer';
import { TakhinServer } from './takhin/TakhinServer';
import { VeloFluxServer } from './veloflux/VeloFluxServer';

/** The five systems, by name. */
export interface Systems {
  readonly veloflux: VeloFluxServer;
  readonly plataformaE: PlataformaEServer;
  readonly helios: HeliosServer;
  readonly activeImmuneCore: ActiveImmuneCoreServer;
  readonly takhin: TakhinServer;
}

export function createSystems(ctx: SystemContext, options: ReferenceServerOptions): Systems {
  return {
    veloflux: new VeloFluxServer(ctx),
    plataformaE: new PlataformaEServer(ctx, options.maxConnections),
    helios: new HeliosServer(
      ctx,
      options.heliosTokenTtlSeconds ?? numberFromEnv('HELIOS_TOKEN_TTL') ?? 3600,
    ),
    activeImmuneCore: new ActiveImmuneCoreServer(ctx),
    takhin: new TakhinServer(ctx, options.takhinApiKey ?? process.env.TAKHIN_API_KEY ?? undefined),
  };
}

function numberFromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) ? value : undefined;
}
