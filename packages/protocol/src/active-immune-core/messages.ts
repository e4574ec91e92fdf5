import * as z from 'zod/mini';
import { isoTimestamp as looseIsoTimestamp } from '../core/isoTimestamp';
import { openObject } from '../core/openObject';

/**
 * Active Immune Core `/ws` (FastAPI + Pydantic), read tolerantly.
 * Timestamps are ISO 8601 from `datetime.utcnow()`: the seed shows both
 * `2025-10-06T14:30:00.123Z` and the naive `2025-10-06T14:30:00`, so any
 * common spelling is accepted.
 */
export const isoTimestamp = looseIsoTimestamp;

/** A room name: `agents`, `tasks`, `coordination`, `system`, or any other. */
export const roomNameSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** The 21 `WSEventType` values of the seed, grouped as the seed groups them. */
export const connectionEventTypes = ['connected', 'disconnected', 'error'] as const;
export const agentEventTypes = [
  'agent_created',
  'agent_updated',
  'agent_deleted',
  'agent_status_changed',
  'agent_action',
] as const;
export const taskEventTypes = [
  'task_created',
  'task_assigned',
  'task_started',
  'task_completed',
  'task_failed',
  'task_cancelled',
] as const;
export const coordinationEventTypes = [
  'election_triggered',
  'leader_elected',
  'consensus_proposed',
  'consensus_decided',
] as const;
export const systemEventTypes = ['health_changed', 'metrics_updated', 'alert_triggered'] as const;

export const eventTypeSchema = z.enum([
  ...connectionEventTypes,
  ...agentEventTypes,
  ...taskEventTypes,
  ...coordinationEventTypes,
  ...systemEventTypes,
]);
export type EventType = z.infer<typeof eventTypeSchema>;
export const eventTypes = eventTypeSchema.options;

/** A free-form dict (`details`, `metrics_data`). */
const dict = z.record(z.string(), z.unknown());

// ---- event data, as the broadcaster helpers build it ----
//
// `WSEvent.data` is a free-form dict, and the seed shows one example of it.
// The field names below come from the broadcaster helpers' signatures
// (`broadcast_agent_deleted(agent_id)`, `broadcast_leader_elected(leader_id,
// term)`, ...): the one each event is about (the agent, task, proposal,
// leader) is required, every secondary field is optional and nullable
// (Pydantic dumps `None` as `null`), and every object keeps what else the
// server puts in it. A missing `agent_type` on `agent_updated` used to drop
// the whole event.

const text = z.nullish(z.string());
const agentId = { agent_id: z.string() };
const taskId = { task_id: z.string() };

/** `broadcast_agent_created/updated(agent_data)`: the agent as the API returns it. */
export const agentDataSchema = openObject({ ...agentId, agent_type: text, status: text });
export const agentDeletedDataSchema = openObject(agentId);
export const agentStatusChangedDataSchema = openObject({
  ...agentId,
  old_status: text,
  new_status: text,
});
export const agentActionDataSchema = openObject({
  ...agentId,
  action: text,
  result: z.optional(z.unknown()),
});
/** `broadcast_task_created(task_data)`: the task as the API returns it. */
export const taskDataSchema = openObject(taskId);
/** `broadcast_task_status_changed(task_id, old, new)`, one event type per new status. */
export const taskStatusDataSchema = openObject({
  ...taskId,
  old_status: text,
  new_status: text,
});
/** `broadcast_election_triggered()` takes no arguments; whatever it sends is kept. */
export const electionTriggeredDataSchema = openObject({});
export const leaderElectedDataSchema = openObject({
  leader_id: z.string(),
  term: z.nullish(z.number()),
});
export const consensusProposedDataSchema = openObject({ proposal_id: z.string() });
/** `broadcast_consensus_decided(proposal_id, decision, rate)`. */
export const consensusDecidedDataSchema = openObject({
  proposal_id: z.string(),
  decision: text,
  approval_rate: z.nullish(z.number()),
});
export const healthChangedDataSchema = openObject({
  status: z.string(),
  details: z.nullish(dict),
});
export const metricsUpdatedDataSchema = dict;
/** `broadcast_alert_triggered(level, message, details)`; the seed's cURL example sends all three. */
export const alertTriggeredDataSchema = openObject({
  level: text,
  message: z.string(),
  details: z.nullish(dict),
});
/** Sent on accept; the seed names no fields, the id of the connection is the useful one. */
export const connectedDataSchema = openObject({ connection_id: text, client_id: text });
export const disconnectedDataSchema = openObject({ connection_id: text, client_id: text });
/** The seed names no fields for `ERROR`: `error` or `message`, either or neither. */
export const errorDataSchema = openObject({ error: text, message: text });

// ---- server -> client: WSEvent ----

const event = <T extends EventType, D extends z.ZodMiniType>(type: T, data: D) =>
  openObject({
    event_type: z.literal(type),
    timestamp: isoTimestamp,
    data,
    // Pydantic serialises an unset Optional[str] as null.
    source: z.nullish(z.string()),
    room: z.nullish(z.string()),
  });

export const connectedEventSchema = event('connected', connectedDataSchema);
export const disconnectedEventSchema = event('disconnected', disconnectedDataSchema);
export const errorEventSchema = event('error', errorDataSchema);
export const agentCreatedEventSchema = event('agent_created', agentDataSchema);
export const agentUpdatedEventSchema = event('agent_updated', agentDataSchema);
export const agentDeletedEventSchema = event('agent_deleted', agentDeletedDataSchema);
export const agentStatusChangedEventSchema = event(
  'agent_status_changed',
  agentStatusChangedDataSchema,
);
export const agentActionEventSchema = event('agent_action', agentActionDataSchema);
export const taskCreatedEventSchema = event('task_created', taskDataSchema);
export const taskAssignedEventSchema = event('task_assigned', taskStatusDataSchema);
export const taskStartedEventSchema = event('task_started', taskStatusDataSchema);
export const taskCompletedEventSchema = event('task_completed', taskStatusDataSchema);
export const taskFailedEventSchema = event('task_failed', taskStatusDataSchema);
export const taskCancelledEventSchema = event('task_cancelled', taskStatusDataSchema);
export const electionTriggeredEventSchema = event(
  'election_triggered',
  electionTriggeredDataSchema,
);
export const leaderElectedEventSchema = event('leader_elected', leaderElectedDataSchema);
export const consensusProposedEventSchema = event(
  'consensus_proposed',
  consensusProposedDataSchema,
);
export const consensusDecidedEventSchema = event('consensus_decided', consensusDecidedDataSchema);
export const healthChangedEventSchema = event('health_changed', healthChangedDataSchema);
export const metricsUpdatedEventSchema = event('metrics_updated', metricsUpdatedDataSchema);
export const alertTriggeredEventSchema = event('alert_triggered', alertTriggeredDataSchema);

export const eventSchemas = {
  connected: connectedEventSchema,
  disconnected: disconnectedEventSchema,
  error: errorEventSchema,
  agent_created: agentCreatedEventSchema,
  agent_updated: agentUpdatedEventSchema,
  agent_deleted: agentDeletedEventSchema,
  agent_status_changed: agentStatusChangedEventSchema,
  agent_action: agentActionEventSchema,
  task_created: taskCreatedEventSchema,
  task_assigned: taskAssignedEventSchema,
  task_started: taskStartedEventSchema,
  task_completed: taskCompletedEventSchema,
  task_failed: taskFailedEventSchema,
  task_cancelled: taskCancelledEventSchema,
  election_triggered: electionTriggeredEventSchema,
  leader_elected: leaderElectedEventSchema,
  consensus_proposed: consensusProposedEventSchema,
  consensus_decided: consensusDecidedEventSchema,
  health_changed: healthChangedEventSchema,
  metrics_updated: metricsUpdatedEventSchema,
  alert_triggered: alertTriggeredEventSchema,
} as const satisfies Record<EventType, z.ZodMiniType>;

/** Every WSEvent, discriminated by `event_type`. */
export type ServerEvent = z.infer<(typeof eventSchemas)[EventType]>;
/** The event of one type: `EventOf<'leader_elected'>`. */
export type EventOf<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export type ConnectionEvent = EventOf<(typeof connectionEventTypes)[number]>;
export type AgentEvent = EventOf<(typeof agentEventTypes)[number]>;
export type TaskEvent = EventOf<(typeof taskEventTypes)[number]>;
export type CoordinationEvent = EventOf<(typeof coordinationEventTypes)[number]>;
export type SystemEvent = EventOf<(typeof systemEventTypes)[number]>;
export type LeaderElectedEvent = EventOf<'leader_elected'>;

// ---- server -> client: WSResponse (answers to commands, not events) ----

/**
 * `{success, message, data}`: the answer to ping (`message: "pong"`), join,
 * leave, subscribe, unsubscribe and info. It carries no `event_type`; only
 * `success` is required, since it is how an answer is told from an event.
 */
export const commandResponseSchema = openObject({
  success: z.boolean(),
  /** Shown (`"pong"`) only in the ping answer; the other answers are not shown. */
  message: z.nullish(z.string()),
  /** `{...}` in the seed: whatever the command answers with. */
  data: z.optional(z.unknown()),
});
export type CommandResponse = z.infer<typeof commandResponseSchema>;

export const serverMessageSchemas = { ...eventSchemas, response: commandResponseSchema } as const;
export type ServerMessage = ServerEvent | CommandResponse;

// ---- client -> server: WSMessage ----

const eventTypeList = z.object({ event_types: z.array(eventTypeSchema).check(z.minLength(1)) });

export const pingCommandSchema = z.object({ action: z.literal('ping') });
/** Adds types to the connection's filter; an empty filter means every type. */
export const subscribeCommandSchema = z.object({
  action: z.literal('subscribe'),
  data: eventTypeList,
});
export const unsubscribeCommandSchema = z.object({
  action: z.literal('unsubscribe'),
  data: eventTypeList,
});
export const joinCommandSchema = z.object({ action: z.literal('join'), room: roomNameSchema });
export const leaveCommandSchema = z.object({ action: z.literal('leave'), room: roomNameSchema });
/** Asks for the connection's id, rooms and filter (answered with a response). */
export const infoCommandSchema = z.object({ action: z.literal('info') });

export const clientCommandSchemas = {
  ping: pingCommandSchema,
  subscribe: subscribeCommandSchema,
  unsubscribe: unsubscribeCommandSchema,
  join: joinCommandSchema,
  leave: leaveCommandSchema,
  info: infoCommandSchema,
} as const;

export type PingCommand = z.infer<typeof pingCommandSchema>;
export type SubscribeCommand = z.infer<typeof subscribeCommandSchema>;
export type UnsubscribeCommand = z.infer<typeof unsubscribeCommandSchema>;
export type JoinCommand = z.infer<typeof joinCommandSchema>;
export type LeaveCommand = z.infer<typeof leaveCommandSchema>;
export type InfoCommand = z.infer<typeof infoCommandSchema>;
export type ClientCommand = z.infer<
  (typeof clientCommandSchemas)[keyof typeof clientCommandSchemas]
>;
