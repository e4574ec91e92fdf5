// `@feedkit/protocol/core`: what every adapter is built from, without any system.
export type {
  Adapter,
  AdapterFeeds,
  AdapterIn,
  AdapterOut,
  AuthPlacement,
  KnownSystem,
  MessageRole,
  SystemName,
} from './Adapter';
export { type Check, compileCheck } from './compileCheck';
export type { DecodeError, DecodeErrorCode } from './DecodeError';
export {
  createDecoder,
  type DecodeResult,
  type DecoderOptions,
  type UnknownMessage,
} from './decoder';
export { describeIssue, type RawIssue } from './describeIssue';
export {
  defineEndpoint,
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
} from './Endpoint';
export { defineFeed, type FeedFactories, type FeedMessage, type FeedSpec } from './Feed';
export { ISO_TIMESTAMP, isoTimestamp } from './isoTimestamp';
export { openEnum } from './openEnum';
export { openObject } from './openObject';
export { readField } from './readField';
