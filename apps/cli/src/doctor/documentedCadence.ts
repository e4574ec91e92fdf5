import { Helios, Takhin, VeloFlux } from '@feedkit/protocol';

/**
 * The period each periodic feed has in its document, by feed key. Feeds not
 * listed are event-driven: silence is normal there.
 */
export const documentedCadence: Readonly<Record<string, number>> = {
  'veloflux:backends': VeloFlux.VELOFLUX_BACKENDS_INTERVAL_MS,
  'veloflux:metrics': VeloFlux.VELOFLUX_METRICS_INTERVAL_MS,
  'veloflux:status': VeloFlux.VELOFLUX_STATUS_INTERVAL_MS,
  'takhin:metrics': Takhin.TAKHIN_METRICS_INTERVAL_MS,
  'helios:status': Helios.HELIOS_STATUS_INTERVAL_MS,
};

/** A period slower than the document's by more than this factor is a problem. */
export const CADENCE_TOLERANCE = 1.5;

/** Which systems confirm a subscription, by document: Plataforma E (`subscribed`) and Active Immune Core (`{success}`). */
export const acknowledgesSubscriptions: Readonly<Record<string, boolean>> = {
  'plataforma-e': true,
  'active-immune-core': true,
  helios: false,
  takhin: false,
  veloflux: false,
};
