import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore } from '../src/index';
import {
  decoded,
  event,
  everyEventType,
  seedPong,
  seedWsEvent,
} from './support/activeImmuneCoreSeed';

const { adapter, feeds } = ActiveImmuneCore;

describe('Active Immune Core reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  const sub = (...event_types: string[]) => ({ action: 'subscribe', data: { event_types } });
  const unsub = (...event_types: string[]) => ({ action: 'unsubscribe', data: { event_types } });
  it.each([
    ['join a room', set(), set('room:agents', 'event:*'), [{ action: 'join', room: 'agents' }]],
    ['leave a room', set('room:agents', 'event:*'), set(), [{ action: 'leave', room: 'agents' }]],
    [
      'join one, leave another',
      set('room:agents', 'event:*'),
      set('room:tasks', 'event:*'),
      [
        { action: 'join', room: 'tasks' },
        { action: 'leave', room: 'agents' },
      ],
    ],
    [
      'add a type',
      set('event:agent_created'),
      set('event:agent_created', 'event:task_failed'),
      [sub('task_failed')],
    ],
    [
      'remove a type',
      set('event:agent_created', 'event:task_failed'),
      set('event:task_failed'),
      [unsub('agent_created')],
    ],
    [
      'swap types: subscribe first so the filter is never empty',
      set('event:agent_created'),
      set('event:task_failed'),
      [sub('task_failed'), unsub('agent_created')],
    ],
    [
      'first type narrows the default "all" filter',
      set(),
      set('event:leader_elected'),
      [sub('leader_elected')],
    ],
    [
      'event:* arrives: clear the filter (= every type)',
      set('event:agent_created'),
      set('event:agent_created', 'event:*', 'room:system'),
      [{ action: 'join', room: 'system' }, unsub('agent_created')],
    ],
    [
      'event:* leaves: narrow back to the typed feeds',
      set('event:agent_created', 'event:*', 'room:system'),
      set('event:agent_created'),
      [{ action: 'leave', room: 'system' }, sub('agent_created')],
    ],
    [
      'types added under event:* change nothing on the wire',
      set('event:*'),
      set('event:*', 'event:task_started'),
      [],
    ],
    [
      'replay from empty',
      set(),
      set('room:agents', 'room:tasks', 'event:*', 'event:task_failed'),
      [
        { action: 'join', room: 'agents' },
        { action: 'join', room: 'tasks' },
      ],
    ],
    [
      'replay from empty, types only',
      set(),
      set('event:agent_created', 'event:agent_status_changed'),
      [sub('agent_created', 'agent_status_changed')],
    ],
    ['no change', set('room:agents', 'event:*'), set('event:*', 'room:agents'), []],
    ['empty to empty', set(), set(), []],
    ['unknown event topics are ignored', set(), set('event:agent_exploded'), []],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after)).toEqual(expected);
  });

  it('every command it emits is a valid command', () => {
    const commands = adapter.reconcile(
      set('room:a', 'event:task_failed'),
      set('room:b', 'event:agent_created'),
    );
    expect(commands).toHaveLength(4);
    for (const command of commands) {
      expect(adapter.decodeCommand(adapter.encode(command)).kind).toBe('message');
    }
  });
});

describe('Active Immune Core feeds', () => {
  const inAgents = decoded(seedWsEvent);
  const inSystem = decoded(everyEventType[20][1]);
  const roomless = decoded(event('task_failed', { task_id: 't1' }));
  const pong = decoded(seedPong);

  it('room(name) joins the room, needs every type and takes only that room', () => {
    const agents = feeds.room('agents');
    expect(agents.key).toBe('active-immune-core:room:agents');
    expect(agents.path).toBe('/ws');
    expect(agents.topics).toEqual(['room:agents', 'event:*']);
    expect(agents.accepts(inAgents)).toBe(true);
    expect(agents.accepts(inSystem)).toBe(false);
    expect(agents.accepts(roomless)).toBe(false);
    expect(agents.accepts(pong)).toBe(false);
    expect(feeds.room('system').accepts(inSystem)).toBe(true);
    expect(feeds.room('system').accepts(inAgents)).toBe(false);
  });

  it('eventType(type) takes that type from any room and from room-less broadcasts', () => {
    const created = feeds.eventType('agent_created');
    expect(created.topics).toEqual(['event:agent_created']);
    expect(created.accepts(inAgents)).toBe(true);
    expect(created.accepts(inSystem)).toBe(false);
    expect(feeds.eventType('task_failed').accepts(roomless)).toBe(true);
    expect(feeds.eventType('task_failed').accepts(pong)).toBe(false);
  });

  it('all() takes every event and no responses', () => {
    const all = feeds.all();
    expect(all.topics).toEqual(['event:*']);
    for (const [, frame] of everyEventType) expect(all.accepts(decoded(frame))).toBe(true);
    expect(all.accepts(pong)).toBe(false);
  });

  it('has no auth and a 300 s server inactivity timeout', () => {
    expect(adapter.auth).toEqual({ bearerHeader: false, required: false });
    expect(ActiveImmuneCore.AIC_INACTIVITY_TIMEOUT_MS).toBe(300_000);
  });
});
