import type { Adapter } from '@feedkit/protocol';
import type { MockConnection } from './MockConnection';

/**
 * What one system's server does, as the seed document describes it: where
 * its sockets are, what it says on connect, how it answers each command
 * (pong, acks, subscription changes) and which sockets an event reaches.
 */
export interface SystemBehaviour<In = unknown, Out = unknown> {
  readonly adapter: Adapter<In, Out>;
  /** Socket paths as msw patterns (`/ws/project/:projectId`). */
  readonly paths: readonly string[];
  /** Subscription state of a new connection (Helios starts subscribed to everything). */
  readonly initialTopics?: (connection: MockConnection) => Iterable<string>;
  /** Messages sent as soon as a socket opens (`connection`, `connected`). */
  readonly welcome?: (connection: MockConnection, now: number) => In[];
  /** Updates the connection's topics for `command` and returns the replies, in order. */
  readonly answer: (command: Out, connection: MockConnection, now: number) => In[];
  /** Whether an emitted message reaches `connection` (its path and subscriptions). */
  readonly delivers: (message: In, connection: MockConnection) => boolean;
}

/** Unix seconds, as Takhin stamps its messages. */
export const unixSeconds = (now: number) => Math.floor(now / 1000);
/** ISO 8601, as the other systems stamp theirs. */
export const isoTime = (now: number) => new Date(now).toISOString();
