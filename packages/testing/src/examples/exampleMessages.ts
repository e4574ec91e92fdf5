import type { KnownSystem } from '@feedkit/protocol';
import { activeImmuneCoreExamples } from './activeImmuneCore';
import { heliosExamples } from './helios';
import { plataformaEExamples } from './plataformaE';
import type { SystemMessages } from './SystemMessages';
import { takhinExamples } from './takhin';
import { velofluxExamples } from './veloflux';

/**
 * A valid example of every server message of every system, from the seed
 * documents' own examples: `exampleMessages.takhin.metrics`. Frozen; spread
 * or `structuredClone` one to change it.
 *
 * @example
 * takhin.emit('metrics', { ...exampleMessages.takhin.metrics, timestamp: 1 });
 */
export const exampleMessages = deepFreeze({
  veloflux: velofluxExamples,
  'plataforma-e': plataformaEExamples,
  helios: heliosExamples,
  'active-immune-core': activeImmuneCoreExamples,
  takhin: takhinExamples,
}) satisfies { readonly [S in KnownSystem]: SystemMessages[S] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
