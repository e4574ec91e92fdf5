import type { KnownSystem } from '@feedkit/protocol';
import { activeImmuneCoreBehaviour } from './behaviours/activeImmuneCore';
import { plataformaEBehaviour } from './behaviours/plataformaE';
import { takhinBehaviour } from './behaviours/takhin';
import { velofluxBehaviour } from './behaviours/veloflux';
import { MockHelios, type MockHeliosOptions } from './MockHelios';
import { MockServer, type MockServerOptions } from './MockServer';
import type { SystemBehaviour } from './SystemBehaviour';

const behaviours: Record<Exclude<KnownSystem, 'helios'>, SystemBehaviour> = {
  veloflux: velofluxBehaviour as never,
  'plataforma-e': plataformaEBehaviour as never,
  'active-immune-core': activeImmuneCoreBehaviour as never,
  takhin: takhinBehaviour as never,
};

/**
 * A started mock server of `system` (see `MockServer`). Stop it after the
 * test: `afterEach(() => mock.stop())`.
 *
 * @example
 * const takhinServer = mockSystem('takhin');
 * const client = takhinServer.createClient(takhin());
 * takhinServer.emit('metrics', { ...exampleMessages.takhin.metrics, timestamp: 1 });
 */
export function mockSystem<S extends KnownSystem>(
  system: S,
  options: S extends 'helios' ? MockHeliosOptions : MockServerOptions = {},
): MockServer<S> {
  const server =
    system === 'helios'
      ? new MockHelios(options)
      : new MockServer(system, behaviours[system as Exclude<KnownSystem, 'helios'>], options);
  return server.start() as MockServer<S>;
}

/** A started mock Takhin (`/api/monitoring/ws`; `?token=` checked against `token` when given). */
export const mockTakhin = (options?: MockServerOptions) => mockSystem('takhin', options);
/** A started mock VeloFlux (its three stream sockets). */
export const mockVeloFlux = (options?: MockServerOptions) => mockSystem('veloflux', options);
/** A started mock Plataforma E (notifications, project and logs sockets). */
export const mockPlataformaE = (options?: MockServerOptions) => mockSystem('plataforma-e', options);
/** A started mock Helios, with `POST /api/auth/login`. */
export const mockHelios = (options?: MockHeliosOptions) => mockSystem('helios', options);
/** A started mock Active Immune Core (`/ws?client_id=`). */
export const mockActiveImmuneCore = (options?: MockServerOptions) =>
  mockSystem('active-immune-core', options);
