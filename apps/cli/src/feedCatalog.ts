import { ActiveImmuneCore, type KnownSystem, PlataformaE } from '@feedkit/protocol';
import type { FeedParams } from './TailOptions';

/** One feed as the CLI offers it: what it shows and how options become its arguments. */
export interface CatalogFeed {
  readonly description: string;
  /** The option the feed needs (shown in help), if any. */
  readonly needs?: string;
  /** The arguments of `client.feed(name, ...args)`, or an error message for the user. */
  readonly args: (options: FeedParams) => readonly unknown[] | string;
}

const noArgs = (): readonly unknown[] => [];

/** A feed whose one argument is a required string option. */
const required =
  (option: 'project' | 'room' | 'topic' | 'group', flag: string) =>
  (options: FeedParams): readonly unknown[] | string => {
    const value = options[option];
    return value ? [value] : `this feed needs ${flag} <${option}>`;
  };

/**
 * Every feed of every system the CLI can tail, keyed by the adapter's feed
 * name. Kept as data so that help, validation and the call to
 * `client.feed` cannot disagree.
 */
export const feedCatalog: Record<KnownSystem, Record<string, CatalogFeed>> = {
  veloflux: {
    backends: { description: 'backend health, every 5 s', args: noArgs },
    metrics: { description: 'request rate, errors, pools, every 10 s', args: noArgs },
    status: { description: 'system status, every 15 s', args: noArgs },
  },
  'plataforma-e': {
    notifications: { description: 'user notifications', args: noArgs },
    project: {
      description: 'story, task, chat and job events of one project',
      needs: '--project <id>',
      args: required('project', '--project'),
    },
    logs: {
      description: 'log messages at or above a level',
      needs: '[--level debug|info|warning|error|critical]',
      args: (options) => {
        const level = options.level ?? 'info';
        return PlataformaE.logLevelSchema.safeParse(level).success
          ? [{ level }]
          : `--level must be one of ${PlataformaE.LOG_LEVELS.join(', ')} (got '${level}')`;
      },
    },
  },
  helios: {
    status: { description: 'cluster status every 5 s', args: noArgs },
    stateChanges: { description: 'Raft role transitions', args: noArgs },
    peerChanges: { description: 'peers added and removed', args: noArgs },
    latency: { description: 'aggregated RPC latencies', args: noArgs },
    uptime: { description: 'node uptime', args: noArgs },
    snapshots: { description: 'snapshots taken', args: noArgs },
    customMetrics: { description: 'custom metrics', args: noArgs },
  },
  'active-immune-core': {
    room: {
      description: 'every event of one room (agents, tasks, coordination, system)',
      needs: '--room <name>',
      args: required('room', '--room'),
    },
    eventType: {
      description: 'events of one type',
      needs: '--type <event_type>',
      args: (options) => {
        if (!options.type) return 'this feed needs --type <event_type>';
        return ActiveImmuneCore.eventTypeSchema.safeParse(options.type).success
          ? [options.type]
          : `--type must be one of ${ActiveImmuneCore.eventTypes.join(', ')} (got '${options.type}')`;
      },
    },
    all: { description: 'every event', args: noArgs },
  },
  takhin: {
    metrics: { description: 'throughput, latency, topics and lag, every 2 s', args: noArgs },
    topic: {
      description: 'creation and deletion of one topic',
      needs: '--topic <name>',
      args: required('topic', '--topic'),
    },
    consumerGroup: {
      description: 'updates of one consumer group',
      needs: '--group <id>',
      args: required('group', '--group'),
    },
  },
};

export const systemNames = Object.keys(feedCatalog) as KnownSystem[];

/** `state-changes`, `state_changes` and `stateChanges` all name the `stateChanges` feed. */
export function canonicalFeedName(system: KnownSystem, typed: string): string | undefined {
  const camel = typed.toLowerCase().replace(/[-_]+([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.keys(feedCatalog[system]).find(
    (name) => name.toLowerCase() === camel.toLowerCase(),
  );
}
