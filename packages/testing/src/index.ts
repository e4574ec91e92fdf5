// The examples are the protocol package's (one copy of the documents' data); re-exported unchanged.
export {
  activeImmuneCoreExamples,
  exampleMessages,
  heliosExamples,
  type MessageName,
  type MessageOf,
  plataformaEExamples,
  type SystemMessages,
  takhinExamples,
  velofluxExamples,
} from '@feedkit/protocol/examples';
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
