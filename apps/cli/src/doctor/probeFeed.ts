import type { Adapter, FeedSpec, KnownSystem } from '@feedkit/protocol';
import type { z } from 'zod';
import type { Check, FeedReport } from './DoctorReport';
import {
  acknowledgesSubscriptions,
  CADENCE_TOLERANCE,
  documentedCadence,
} from './documentedCadence';
import { openSocket } from './openSocket';
import { refusedUpgradeHint } from './refusedUpgradeHint';
import { unknownFields } from './unknownFields';

export interface FeedProbe {
  readonly system: KnownSystem;
  /** The feed as the user knows it: `metrics`, `topic(orders)`. */
  readonly label: string;
  readonly adapter: Adapter<unknown, unknown>;
  readonly spec: FeedSpec<unknown>;
  /** The server message schemas by name, for unknown fields. */
  readonly schemas: Readonly<Record<string, z.ZodType>>;
  /** Full socket URL, credentials in the query if that is the accepted path. */
  readonly url: string;
  readonly headers: Record<string, string>;
  /** How long the feed is watched. */
  readonly durationMs: number;
  readonly timeoutMs: number;
}

/** What arrived on the socket while it was watched. */
class Observation {
  readonly times: number[] = [];
  readonly unknownTypes = new Set<string>();
  readonly invalid = new Set<string>();
  readonly unknownFields = new Set<string>();
  pongMs: number | undefined;
  acks = 0;
  closed: { code: number; reason: string; atMs: number } | undefined;
}

const schemaKey = (value: Record<string, unknown>) =>
  typeof value.type === 'string'
    ? value.type
    : typeof value.event_type === 'string'
      ? value.event_type
      : typeof value.success === 'boolean'
        ? 'response'
        : undefined;

function observe(
  probe: FeedProbe,
  frame: string,
  at: number,
  pingAt: number,
  o: Observation,
): string | undefined {
  const { adapter, spec } = probe;
  const result = adapter.decode(frame);
  if (result.kind === 'unknown') {
    o.unknownTypes.add(result.message.type ?? '(no type)');
    return undefined;
  }
  if (result.kind === 'error') {
    const e = result.error;
    o.invalid.add(
      `${e.type ?? e.code}${e.path.length ? ` at ${e.path.join('.')}` : ''}: ${e.message.replace(/^.*?: /, '')}`,
    );
    return undefined;
  }
  const role = adapter.roleOf(result.message);
  const answer = adapter.answerHeartbeat?.(result.message);
  if (role === 'pong' && o.pongMs === undefined) o.pongMs = Math.round(at - pingAt);
  if (role === 'ack') o.acks++;
  // Text frames the protocol defines (Plataforma E's `ping`) are not JSON.
  const raw = frame.startsWith('{') ? (JSON.parse(frame) as Record<string, unknown>) : {};
  const key = schemaKey(raw);
  const schema = key === undefined ? undefined : probe.schemas[key];
  if (schema)
    for (const field of unknownFields(schema, raw)) o.unknownFields.add(`${key}.${field}`);
  if (role === 'data' && spec.accepts(result.message)) o.times.push(at);
  return answer;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Opens the feed's socket as feedkit would (subscriptions from the
 * adapter's `reconcile`), pings once, watches for `durationMs`, and decodes
 * every frame with the adapter directly, so nothing the client would
 * smooth over (drift, unknown fields, missing acks) goes unseen.
 */
export async function probeFeed(probe: FeedProbe): Promise<FeedReport> {
  const { adapter, spec, system } = probe;
  const base = {
    name: probe.label,
    path: spec.path,
    messages: 0,
    drift: { unknownTypes: [], invalid: [], unknownFields: [] },
  };
  const outcome = await openSocket(probe.url, probe.headers, probe.timeoutMs);
  const notChecked: Check = { name: 'ping', status: 'skip', detail: 'socket not open' };
  if (outcome.kind !== 'open') {
    const detail =
      outcome.kind === 'refused'
        ? `upgrade refused: HTTP ${outcome.status} ${outcome.body}${refusedUpgradeHint(system, outcome.status)}`
        : outcome.cause;
    return {
      ...base,
      status: 'fail',
      detail,
      ping: notChecked,
      acks: { ...notChecked, name: 'acks' },
    };
  }
  const { socket } = outcome;
  const openedAt = performance.now();
  const o = new Observation();
  let pingAt = openedAt;
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    // Answer keep-alives as feedkit does (Plataforma E), or the server would rightly drop us.
    const answer = observe(probe, data.toString(), performance.now(), pingAt, o);
    if (answer !== undefined) socket.send(answer);
  });
  socket.on('pong', () => {
    o.pongMs ??= Math.round(performance.now() - pingAt);
  });
  socket.on('close', (code, reason) => {
    o.closed = { code, reason: reason.toString(), atMs: Math.round(performance.now() - openedAt) };
  });
  socket.on('error', () => {});
  const commands = adapter.reconcile(new Set(), new Set(spec.topics));
  for (const command of commands) socket.send(adapter.encode(command));
  pingAt = performance.now();
  if (adapter.heartbeat) socket.send(adapter.heartbeat.ping());
  else socket.ping();
  // Watching is the point here: cadence needs time to show.
  await new Promise((resolve) => setTimeout(resolve, probe.durationMs));
  socket.close(1000);
  return verdict(probe, o, openedAt, commands.length, acknowledgesSubscriptions[system] ?? false);
}

function verdict(
  probe: FeedProbe,
  o: Observation,
  openedAt: number,
  commands: number,
  acks: boolean,
): FeedReport {
  const documentedMs = documentedCadence[probe.spec.key];
  const intervals = o.times.slice(1).map((t, i) => t - (o.times[i] as number));
  const medianMs = intervals.length > 0 ? Math.round(median(intervals) as number) : undefined;
  const problems: string[] = [];
  const notes: string[] = [];
  if (o.closed)
    problems.push(
      `server closed the socket after ${o.closed.atMs} ms: ${o.closed.code} ${o.closed.reason}`.trim(),
    );
  if (o.invalid.size > 0)
    problems.push(
      `${o.invalid.size} message shape(s) fail the document: ${[...o.invalid].join('; ')}`,
    );
  if (o.unknownTypes.size > 0)
    problems.push(`types the document does not name: ${[...o.unknownTypes].join(', ')}`);
  if (documentedMs !== undefined) {
    if (medianMs !== undefined && medianMs > documentedMs * CADENCE_TOLERANCE)
      problems.push(`a message every ${medianMs} ms; the document says every ${documentedMs} ms`);
    else if (o.times.length === 0 && probe.durationMs >= documentedMs * CADENCE_TOLERANCE)
      problems.push(
        `no message in ${probe.durationMs} ms; the document says one every ${documentedMs} ms`,
      );
    else if (o.times.length === 0)
      notes.push(
        `no message yet; the document's period is ${documentedMs} ms, watch longer with --duration`,
      );
  } else if (o.times.length === 0) {
    notes.push('no event in the window (event-driven feed: silence is normal)');
  }
  if (o.unknownFields.size > 0)
    notes.push(`fields the document does not name: ${[...o.unknownFields].join(', ')}`);
  const firstMessageMs = o.times[0] === undefined ? undefined : Math.round(o.times[0] - openedAt);
  const summary = `${o.times.length} messages${firstMessageMs === undefined ? '' : `, first after ${firstMessageMs} ms`}${medianMs === undefined ? '' : `, every ${medianMs} ms`}${documentedMs === undefined ? '' : ` (document: ${documentedMs} ms)`}`;
  const ping: Check =
    o.pongMs !== undefined
      ? { name: 'ping', status: 'ok', detail: `answered in ${o.pongMs} ms` }
      : { name: 'ping', status: 'fail', detail: `no pong within ${probe.durationMs} ms` };
  const ackCheck: Check =
    commands === 0
      ? { name: 'acks', status: 'skip', detail: 'no subscription commands on this feed' }
      : !acks
        ? { name: 'acks', status: 'skip', detail: 'the document defines no acknowledgement' }
        : o.acks >= commands
          ? {
              name: 'acks',
              status: 'ok',
              detail: `${commands} of ${commands} subscriptions acknowledged`,
            }
          : {
              name: 'acks',
              status: 'fail',
              detail: `${o.acks} of ${commands} subscriptions acknowledged`,
            };
  return {
    name: probe.label,
    path: probe.spec.path,
    status: problems.length > 0 ? 'fail' : notes.length > 0 ? 'warn' : 'ok',
    detail: [summary, ...problems, ...notes].join('; '),
    messages: o.times.length,
    firstMessageMs,
    cadence: documentedMs === undefined ? undefined : { medianMs, documentedMs },
    drift: {
      unknownTypes: [...o.unknownTypes],
      invalid: [...o.invalid],
      unknownFields: [...o.unknownFields],
    },
    ping,
    acks: ackCheck,
  };
}
