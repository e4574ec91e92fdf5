// `@feedkit/protocol/examples`: a valid example of every server message of
// every system, from the seed documents. Its own entry, so no system's
// bundle carries example data.
import { activeImmuneCoreExamples } from '../active-immune-core/examples';
import type { KnownSystem } from '../core/index';
import { heliosExamples } from '../helios/examples';
import { plataformaEExamples } from '../plataforma-e/examples';
import { takhinExamples } from '../takhin/examples';
import { velofluxExamples } from '../veloflux/examples';
import type { SystemMessages } from './SystemMessages';

export { activeImmuneCoreExamples } from '../active-immune-core/examples';
export { heliosExamples } from '../helios/examples';
export { plataformaEExamples } from '../plataforma-e/examples';
export { takhinExamples } from '../takhin/examples';
export { velofluxExamples } from '../veloflux/examples';
export type { MessageName, MessageOf, SystemMessages } from './SystemMessages';

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
