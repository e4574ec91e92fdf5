import type {
  ActiveImmuneCore,
  Helios,
  KnownSystem,
  PlataformaE,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';
import { summarizeActiveImmuneCore } from './summaries/activeImmuneCore';
import { summarizeHelios } from './summaries/helios';
import { summarizePlataformaE } from './summaries/plataformaE';
import { compactJson, type Summary } from './summaries/Summary';
import { summarizeTakhin } from './summaries/takhin';
import { summarizeVeloFlux } from './summaries/veloflux';

/**
 * The type column and one-line summary of a decoded message. Messages come
 * from a feed, so they are already validated against the system's schemas;
 * anything unexpected still prints as compact JSON instead of throwing.
 */
export function summarize(system: KnownSystem, message: unknown): Summary {
  try {
    switch (system) {
      case 'takhin':
        return summarizeTakhin(message as Takhin.ServerMessage);
      case 'veloflux':
        return summarizeVeloFlux(message as VeloFlux.ServerMessage);
      case 'helios':
        return summarizeHelios(message as Helios.ServerMessage);
      case 'plataforma-e':
        return summarizePlataformaE(message as PlataformaE.ServerMessage);
      case 'active-immune-core':
        return summarizeActiveImmuneCore(message as ActiveImmuneCore.ServerMessage);
    }
  } catch {
    // A shape the summaries do not know (a newer server): show it raw.
  }
  return { type: 'unknown', text: compactJson(message) };
}
