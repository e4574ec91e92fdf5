import type { ReferenceServerOptions } from '../ReferenceServer';
import { PlataformaEServer } from './plataforma-e/PlataformaEServer';
import type { SystemContext } from './SystemServer';
import { TakhinServer } from './takhin/TakhinServer';
import { VeloFluxServer } from './veloflux/VeloFluxServer';

/** The five systems, by name. */
export interface Systems {
  readonly veloflux: VeloFluxServer;
  readonly plataformaE: PlataformaEServer;
  readonly takhin: TakhinServer;
}

export function createSystems(ctx: SystemContext, options: ReferenceServerOptions): Systems {
  return {
    veloflux: new VeloFluxServer(ctx),
    plataformaE: new PlataformaEServer(ctx, options.maxConnections),
    takhin: new TakhinServer(ctx, options.takhinApiKey ?? process.env.TAKHIN_API_KEY ?? undefined),
  };
}
