import { VeloFlux } from '@feedkit/protocol';
import type { SystemBehaviour } from '../SystemBehaviour';

const pathOf = {
  backend_status: VeloFlux.VELOFLUX_PATHS.backends,
  metrics: VeloFlux.VELOFLUX_PATHS.metrics,
  system_status: VeloFlux.VELOFLUX_PATHS.status,
} as const;

/** One socket per stream, no commands: each message type goes to its own path. */
export const velofluxBehaviour: SystemBehaviour<VeloFlux.ServerMessage, VeloFlux.ClientCommand> = {
  adapter: VeloFlux.adapter,
  paths: Object.values(VeloFlux.VELOFLUX_PATHS),
  answer: () => [],
  delivers: (message, connection) => connection.path === pathOf[message.type],
};
