export * as ActiveImmuneCore from './active-immune-core/index';
export type {
  Adapter,
  AdapterFeeds,
  AdapterIn,
  AdapterOut,
  AuthPlacement,
  KnownSystem,
  MessageRole,
  SystemName,
} from './core/Adapter';
export type { DecodeError, DecodeErrorCode } from './core/DecodeError';
export {
  createDecoder,
  type DecodeResult,
  type DecoderOptions,
  type UnknownMessage,
} from './core/decoder';
export {
  defineEndpoint,
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
} from './core/Endpoint';
export { defineFeed, type FeedFactories, type FeedMessage, type FeedSpec } from './core/Feed';
export * as Helios from './helios/index';
export * as PlataformaE from './plataforma-e/index';
export * as Takhin from './takhin/index';
export * as VeloFlux from './veloflux/index';
