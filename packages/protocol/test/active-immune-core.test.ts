import { describe, expect, it } from 'vitest';
import { activeImmuneCoreExamples } from '../src/examples/index';
import { ActiveImmuneCore } from '../src/index';
import {
  decoded,
  event,
  everyEventType,
  seedBroadcast,
  seedManualTestEvent,
  seedPong,
  seedServerEvent,
  seedStats,
  seedWsEvent,
} from './support/activeImmuneCoreSeed';

const { adapter, endpoints } = ActiveImmuneCore;

describe('Active Immune Core decode: seed vectors', () => {
  it.each([
    ['the WSEvent model', seedWsEvent],
    ['the server-to-client example', seedServerEvent],
    ['the manual-test event', seedManualTestEvent],
  ])('%s decodes to a typed agent_created event', (_name, frame) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect('event_type' in result.message && result.message.event_type).toBe('agent_created');
    expect(result.message).toEqual(JSON.parse(frame));
    expect(adapter.roleOf(result.message)).toBe('data');
  });

  it('the ping answer is a response playing the pong role', () => {
    const result = adapter.decode(seedPong);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message).toEqual(JSON.parse(seedPong));
    expect(adapter.roleOf(result.message)).toBe('pong');
  });

  it('the stats body matches the REST schema', () => {
    expect(endpoints.stats.response.parse(JSON.parse(seedStats))).toEqual(JSON.parse(seedStats));
    expect(endpoints.stats.method).toBe('GET');
    expect(endpoints.stats.path()).toBe('/ws/stats');
  });

  it('the cURL broadcast body is a valid request', () => {
    expect(endpoints.broadcast.request?.parse(JSON.parse(seedBroadcast))).toEqual(
      JSON.parse(seedBroadcast),
    );
    expect(endpoints.broadcast.path()).toBe('/ws/broadcast');
  });

  it('the seed names 21 event types, and each has a schema', () => {
    expect(ActiveImmuneCore.eventTypes).toHaveLength(21);
    expect(everyEventType.map(([type]) => type).sort()).toEqual(
      [...ActiveImmuneCore.eventTypes].sort(),
    );
  });

  it.each(everyEventType)('%s decodes to its typed event', (type, frame) => {
    const message = decoded(frame);
    expect('event_type' in message && message.event_type).toBe(type);
    expect(message).toEqual(JSON.parse(frame));
  });
});

describe('Active Immune Core roles', () => {
  it.each([
    ['connected', event('connected', { connection_id: 'c' }), 'control'],
    ['disconnected', event('disconnected', {}), 'control'],
    ['error event', event('error', { message: 'bad frame' }), 'error'],
    ['leader_elected', event('leader_elected', { leader_id: 'a', term: 1 }), 'data'],
    ['pong', seedPong, 'pong'],
    ['join ack', '{"success":true,"message":"Joined room agents","data":{"room":"agents"}}', 'ack'],
    ['info', '{"success":true,"message":"Connection info","data":null}', 'ack'],
    ['refused command', '{"success":false,"message":"Invalid action: dance"}', 'error'],
  ])('%s plays %s', (_name, frame, role) => {
    expect(adapter.roleOf(decoded(frame))).toBe(role);
  });
});

describe('Active Immune Core commands: encoded exactly as the seed shows', () => {
  it.each([
    ['join (JavaScript)', { action: 'join', room: 'agents' }],
    [
      'subscribe (JavaScript)',
      {
        action: 'subscribe',
        data: { event_types: ['agent_created', 'agent_updated', 'agent_deleted'] },
      },
    ],
    ['ping', { action: 'ping' }],
    ['join (Python)', { action: 'join', room: 'agents' }],
    [
      'subscribe (Python)',
      { action: 'subscribe', data: { event_types: ['agent_created', 'agent_status_changed'] } },
    ],
    [
      'subscribe (Teste de Subscription)',
      { action: 'subscribe', data: { event_types: ['agent_created'] } },
    ],
  ] as const)('%s round-trips through decodeCommand/encode', (_name, command) => {
    const frame = JSON.stringify(command);
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(adapter.encode(result.message)).toBe(frame);
  });

  it('reconcile produces the seed join and subscribe frames', () => {
    const join = adapter.reconcile(new Set(), new Set(['room:agents', 'event:*']));
    expect(join.map(adapter.encode)).toEqual([JSON.stringify({ action: 'join', room: 'agents' })]);
    const subscribe = adapter.reconcile(
      new Set(),
      new Set(['event:agent_created', 'event:agent_updated', 'event:agent_deleted']),
    );
    expect(subscribe.map(adapter.encode)).toEqual([
      JSON.stringify({
        action: 'subscribe',
        data: { event_types: ['agent_created', 'agent_updated', 'agent_deleted'] },
      }),
    ]);
  });

  it('the heartbeat is the seed ping', () => {
    expect(adapter.heartbeat?.ping()).toBe(JSON.stringify({ action: 'ping' }));
    expect(adapter.heartbeat?.intervalMs).toBe(25_000);
    expect(adapter.heartbeat!.intervalMs).toBeLessThan(ActiveImmuneCore.AIC_INACTIVITY_TIMEOUT_MS);
  });

  it.each([
    ['leave', { action: 'leave', room: 'agents' }],
    ['unsubscribe', { action: 'unsubscribe', data: { event_types: ['agent_created'] } }],
    ['info', { action: 'info' }],
  ] as const)('%s (named by the seed, not shown) is a valid command', (_name, command) => {
    const result = adapter.decodeCommand(JSON.stringify(command));
    expect(result).toEqual({ kind: 'message', message: command });
  });
});

describe('Active Immune Core examples (@feedkit/protocol/examples)', () => {
  it('the agent_created example is the WSEvent model, value for value', () => {
    expect(activeImmuneCoreExamples.agent_created).toEqual(JSON.parse(seedWsEvent));
  });
});
