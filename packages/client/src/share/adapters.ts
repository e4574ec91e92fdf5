import type { Adapter, SystemName } from '@feedkit/protocol';
import { adapter as activeImmuneCore } from '@feedkit/protocol/active-immune-core';
import { adapter as helios } from '@feedkit/protocol/helios';
import { adapter as plataformaE } from '@feedkit/protocol/plataforma-e';
import { adapter as takhin } from '@feedkit/protocol/takhin';
import { adapter as veloflux } from '@feedkit/protocol/veloflux';

/**
 * Every system's adapter, for the owner of shared sockets: a tab can post
 * its system's name but not its adapter (functions do not cross
 * `postMessage`). Only the SharedWorker and the leader tab's hub import it
 * (the hub in a chunk of its own), and through the per-system entries, so
 * that a page that does not share keeps its bundle.
 */
export const adapters: Readonly<Record<SystemName, Adapter<unknown, unknown>>> = {
  'active-immune-core': activeImmuneCore as unknown as Adapter<unknown, unknown>,
  helios: helios as unknown as Adapter<unknown, unknown>,
  'plataforma-e': plataformaE as unknown as Adapter<unknown, unknown>,
  takhin: takhin as unknown as Adapter<unknown, unknown>,
  veloflux: veloflux as unknown as Adapter<unknown, unknown>,
};
