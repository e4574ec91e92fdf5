import type { Channel } from './Channel';

/**
 * What the client facade and the feed cache use of a channel: a `Channel`
 * with its own socket, or a `TabChannel` whose socket is held by the owner
 * of shared sockets (`share: tabs()`).
 */
export type ChannelLike<In, Out> = Pick<
  Channel<In, Out>,
  | 'url'
  | 'state'
  | 'add'
  | 'remove'
  | 'send'
  | 'reconnectNow'
  | 'close'
  | 'suspend'
  | 'resume'
  | 'wake'
  | 'probe'
>;
