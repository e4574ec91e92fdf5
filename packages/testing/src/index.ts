export { activeImmuneCoreExamples } from './examples/activeImmuneCore';
export { exampleMessages } from './examples/exampleMessages';
export { heliosExamples } from './examples/helios';
export { plataformaEExamples } from './examples/plataformaE';
export type { MessageName, MessageOf, SystemMessages } from './examples/SystemMessages';
export { takhinExamples } from './examples/takhin';
export { velofluxExamples } from './examples/veloflux';
export { MockConnection } from './mock/MockConnection';
export { MOCK_HELIOS_TOKEN, MockHelios, type MockHeliosOptions } from './mock/MockHelios';
export { MockServer, type MockServerOptions } from './mock/MockServer';
export {
  mockActiveImmuneCore,
  mockHelios,
  mockPlataformaE,
  mockSystem,
  mockTakhin,
  mockVeloFlux,
} from './mock/mockSystem';
export { mockWebSocket } from './mock/mockWebSocket';
export * from './recording';
export { type ReplayOptions, type ReplayResult, replay } from './replay/replay';
