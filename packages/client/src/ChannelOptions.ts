import type { Adapter, DecodeError, UnknownMessage } from '@feedkit/protocol';
import type { DriftMode } from './Drift';
import type { ConnectionState } from './FeedkitClient';
import type { FeedkitError } from './FeedkitError';
import type { OutgoingQueueOptions } from './OutgoingQueue';
import type { TransportFactory } from './Transport';

export interface ChannelOptions<In, Out> {
  /** Socket URL without credentials. */
  readonly url: string;
  readonly adapter: Adapter<In, Out>;
  /** Opens the socket this channel runs on. */
  readonly transport: TransportFactory;
  readonly queue: OutgoingQueueOptions;
  /** How long the socket stays after the last feed left. */
  readonly lingerMs: number;
  /** What a message that fails validation becomes. */
  readonly drift: DriftMode;
  /** Where the protocol answers subscription commands: how long an answer may take. */
  readonly acks: { readonly timeoutMs: number } | undefined;
  readonly events: ChannelEvents<In>;
}

export interface ChannelEvents<In> {
  state(state: ConnectionState): void;
  error(error: FeedkitError): void;
  message(message: In): void;
  unknown(message: UnknownMessage): void;
  /** A message of a known type failed validation. */
  drift(error: DecodeError): void;
  /** The channel closed for good: `fatal` after refused credentials or `shouldRetry` saying no; not after linger or `close()`. */
  ended(fatal: boolean): void;
}
