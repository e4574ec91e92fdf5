import {
  ActiveImmuneCore,
  type Adapter,
  Helios,
  PlataformaE,
  type SystemName,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';

/**
 * Every system's adapter, for the owner of shared sockets: a tab can post
 * its system's name but not its adapter (functions do not cross
 * `postMessage`). Only the SharedWorker and the leader tab's hub import it,
 * so a page that does not share keeps its bundle.
 */
export const adapters: Readonly<Record<SystemName, Adapter<unknown, unknown>>> = {
  'active-immune-core': ActiveImmuneCore.adapter as unknown as Adapter<unknown, unknown>,
  helios: Helios.adapter as unknown as Adapter<unknown, unknown>,
  'plataforma-e': PlataformaE.adapter as unknown as Adapter<unknown, unknown>,
  takhin: Takhin.adapter as unknown as Adapter<unknown, unknown>,
  veloflux: VeloFlux.adapter as unknown as Adapter<unknown, unknown>,
};
