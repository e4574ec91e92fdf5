import type { Adapter, MessageRole } from '../core/Adapter';
import { createDecoder } from '../core/decoder';
import { defineFeed } from '../core/Feed';
import { readField } from '../core/readField';
import {
  type AnyStatusMessage,
  type ClientCommand,
  type CustomMetricsMessage,
  clientCommandSchemas,
  type LatencyMessage,
  type PeerChangeMessage,
  type ServerMessage,
  type SnapshotMessage,
  type StateChangeMessage,
  type SubscriptionFlag,
  serverMessageSchemas,
  subscriptionFlags,
  type UptimeMessage,
} from './messages';

export const HELIOS_PATH = '/ws/cluster';
/** The seed gives no interval; 15 s keeps well inside common 30-60 s proxy idle timeouts. */
export const HELIOS_PING_INTERVAL_MS = 15_000;
/** `status` arrives every 5 s (seed: "Sent automatically every 5 seconds"). */
export const HELIOS_STATUS_INTERVAL_MS = 5_000;

const typeOf = (message: unknown) => readField(message, 'type');

/** A feed of one subscription flag whose messages have one of `types`. */
const flagFeed = <M>(name: string, flag: SubscriptionFlag, ...types: string[]) =>
  defineFeed<M>({
    key: `helios:${name}`,
    path: HELIOS_PATH,
    topics: [flag],
    accepts: (m) => types.includes(typeOf(m) as string),
  });

export const feeds = {
  /** Cluster status: the 5-second `status` and the on-demand `status_update`. */
  status: () => ({
    ...flagFeed<AnyStatusMessage>('status', 'status', 'status', 'status_update'),
    cadenceMs: HELIOS_STATUS_INTERVAL_MS,
  }),
  /** Raft role transitions of the node. */
  stateChanges: () => flagFeed<StateChangeMessage>('stateChanges', 'state_changes', 'state_change'),
  /** Peers added to or removed from the cluster. */
  peerChanges: () => flagFeed<PeerChangeMessage>('peerChanges', 'peer_changes', 'peer_change'),
  latency: () => flagFeed<LatencyMessage>('latency', 'latency', 'latency'),
  uptime: () => flagFeed<UptimeMessage>('uptime', 'uptime', 'uptime'),
  /** One message per snapshot taken. */
  snapshots: () => flagFeed<SnapshotMessage>('snapshots', 'snapshot', 'snapshot'),
  customMetrics: () =>
    flagFeed<CustomMetricsMessage>('customMetrics', 'custom_metrics', 'custom_metrics'),
} as const;

const roles: Record<ServerMessage['type'], MessageRole> = {
  status: 'data',
  status_update: 'data',
  state_change: 'data',
  peer_change: 'data',
  latency: 'data',
  uptime: 'data',
  snapshot: 'data',
  custom_metrics: 'data',
  error: 'error',
  pong: 'pong',
};

const discriminate = (value: Record<string, unknown>) =>
  typeof value.type === 'string' ? value.type : undefined;

/** The known flags of a topic set; anything else is not a Helios topic and is ignored. */
const flagsIn = (topics: ReadonlySet<string>) =>
  new Set(subscriptionFlags.filter((flag) => topics.has(flag)));

export const adapter: Adapter<ServerMessage, ClientCommand, typeof feeds> = {
  system: 'helios',
  feeds,
  decode: createDecoder<ServerMessage>({
    system: 'helios',
    schemas: serverMessageSchemas,
    discriminate,
  }),
  decodeCommand: createDecoder<ClientCommand>({
    system: 'helios',
    schemas: clientCommandSchemas,
    discriminate,
    // The largest legitimate command (subscribe with seven flags) is ~150 characters.
    maxLength: 4096,
  }),
  encode: (command) => JSON.stringify(command),
  encodeMessage: (message) => JSON.stringify(message),
  reconcile(before, after) {
    const from = flagsIn(before);
    const to = flagsIn(after);
    if (from.size === to.size && [...to].every((flag) => from.has(flag))) return [];
    if (to.size === 0) return [{ type: 'unsubscribe' }];
    // The subscription is one flags object that replaces the server's whole
    // state, and the server starts at "all": always send every flag.
    const data = Object.fromEntries(subscriptionFlags.map((flag) => [flag, to.has(flag)]));
    return [{ type: 'subscribe', data: data as Record<SubscriptionFlag, boolean> }];
  },
  roleOf: (message) => roles[message.type],
  heartbeat: {
    ping: () => JSON.stringify({ type: 'ping' }),
    intervalMs: HELIOS_PING_INTERVAL_MS,
  },
  // Browsers cannot set headers on the upgrade, hence `?token=`; Node may use either.
  // Only admin users are let in; the server enforces that, not the client.
  // The seed: bearer token, admin only. 401 = bad or expired token, 403 = not an admin;
  // after the upgrade 4001 (token expired, as the reference server does), 1008 (policy)
  // and 4003 (forbidden) are the conventional codes of such gateways.
  auth: {
    query: 'token',
    bearerHeader: true,
    required: true,
    refusedCloseCodes: [4001, 1008],
    forbiddenCloseCodes: [4003],
    requiredRole: 'admin',
  },
};
