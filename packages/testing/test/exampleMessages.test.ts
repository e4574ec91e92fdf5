import {
  ActiveImmuneCore,
  Helios,
  type KnownSystem,
  PlataformaE,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';
import { describe, expect, it } from 'vitest';
import { exampleMessages } from '../src/index';

const adapters = {
  veloflux: VeloFlux.adapter,
  'plataforma-e': PlataformaE.adapter,
  helios: Helios.adapter,
  'active-immune-core': ActiveImmuneCore.adapter,
  takhin: Takhin.adapter,
} as const;

const schemaNames: Record<KnownSystem, readonly string[]> = {
  veloflux: Object.keys(VeloFlux.serverMessageSchemas),
  'plataforma-e': Object.keys(PlataformaE.serverMessageSchemas),
  helios: Object.keys(Helios.serverMessageSchemas),
  'active-immune-core': Object.keys(ActiveImmuneCore.serverMessageSchemas),
  takhin: Object.keys(Takhin.serverMessageSchemas),
};

const every = Object.entries(exampleMessages).flatMap(([system, messages]) =>
  Object.entries(messages).map(
    ([name, message]) => [system as KnownSystem, name, message] as const,
  ),
);

describe('exampleMessages', () => {
  it.each(Object.keys(adapters) as KnownSystem[])(
    'has one example of every %s message type',
    (system) => {
      expect(Object.keys(exampleMessages[system]).sort()).toEqual([...schemaNames[system]].sort());
    },
  );

  it.each(every)('%s %s decodes to itself with the protocol adapter', (system, _name, message) => {
    const result = adapters[system].decode(JSON.stringify(message));
    expect(result).toEqual({ kind: 'message', message });
  });

  it('is frozen, so one test cannot change another test’s example', () => {
    expect(Object.isFrozen(exampleMessages.takhin.metrics.data.throughput)).toBe(true);
  });
});
