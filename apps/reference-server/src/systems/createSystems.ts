import type { ReferenceServerOptions } from '../ReferenceServer';
import type { SystemContext } from './SystemServer';
import { TakhinServer } from './takhin/TakhinServer';

/** The five systems, by name. */
export interface Systems {
  readonly takhin: TakhinServer;
}

export function createSystems(ctx: SystemContext, options: ReferenceServerOptions): Systems {
  return {
    takhin: new TakhinServer(ctx, options.takhinApiKey ?? process.env.TAKHIN_API_KEY ?? undefined),
  };
}
