// What every entry shares (createClient, its options, errors and types), then what only the root adds.

export {
  type Backoff,
  checkedBackoff,
  type FullJitterOptions,
  fullJitterBackoff,
  MAX_BACKOFF_MS,
} from './Backoff';
export {
  type HiddenTabPolicy,
  type LifecycleControl,
  type LifecycleOptions,
  type LifecycleTargets,
  watchBrowserLifecycle,
} from './BrowserLifecycle';
export { Connection } from './Connection';
export type { ConnectionOptions, RetryContext, TokenAnswer } from './ConnectionOptions';
export { callEndpoint } from './callEndpoint';
export {
  ABANDONED_CLOSE_CODE,
  CLIENT_CLOSE_CODE,
  type CloseAction,
  type CloseContext,
  type CloseEvent,
  type CloseHistory,
  type CloseRule,
  closeCodes,
  closeRule,
  DEAD_PEER_CLOSE_CODE,
  upgradeStatuses,
} from './closeRule';
export * from './common';
export { createHttp, type HttpOptions, REST_TIMEOUT_MS } from './createHttp';
export type { DriftEntry, DriftedMessage, Drifting } from './Drift';
export {
  type DecorrelatedJitterOptions,
  decorrelatedJitterBackoff,
} from './decorrelatedJitterBackoff';
export { STALE_AFTER_CADENCES, staleAfterTwoCadences } from './FeedFreshness';
export type { Http, Protocol } from './FeedkitClient';
export type { FeedkitErrorOptions } from './FeedkitError';
export { FeedObserver, type FeedObserverOptions } from './FeedObserver';
export {
  type FeedStatus,
  type FeedStatusInput,
  type FeedStatusName,
  feedStatus,
} from './FeedStatus';
export { Heartbeat, type HeartbeatOptions } from './Heartbeat';
export { type HeartbeatSettings, type HeartbeatTiming, heartbeatTiming } from './heartbeatTiming';
export { OutgoingQueue, type OutgoingQueueOptions } from './OutgoingQueue';
export type { SocketOptions, TlsOptions } from './openSocket';
export {
  type ActiveImmuneCoreOptions,
  type ActiveImmuneCoreRest,
  activeImmuneCore,
} from './protocols/active-immune-core';
export { type HeliosOptions, type HeliosRest, helios } from './protocols/helios';
export { type PlataformaERest, plataformaE } from './protocols/plataforma-e';
export { type TakhinOptions, type TakhinRest, takhin } from './protocols/takhin';
export { type VeloFluxRest, veloflux } from './protocols/veloflux';
export { redact } from './redact';
export { type RestHelpers, restHelpers } from './restHelpers';
export type { ShareContext, SharedChannels, ShareStrategy } from './ShareStrategy';
export { Subscribable } from './Subscribable';
export { SubscriptionSet } from './SubscriptionSet';
export {
  jwtExpiry,
  MAX_RENEWAL_LEAD_MS,
  type ResolvedToken,
  renewalLead,
  resolveToken,
  type TokenGrant,
  TokenRenewals,
} from './TokenRenewal';
export type { Transport, TransportFactory, TransportOwner, TransportState } from './Transport';
export { type TransportError, transportAdvice } from './transportAdvice';
export type { WebSocketConstructor, WebSocketLike, WebSocketNodeOptions } from './WebSocketLike';
