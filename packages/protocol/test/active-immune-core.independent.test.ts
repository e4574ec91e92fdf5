import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore } from '../src/index';

const { adapter } = ActiveImmuneCore;
const { feeds } = adapter;

describe("Active Immune Core: an event type's feed joins the room its events are sent to", () => {
  it.each([
    ['agent_status_changed', 'room:agents'],
    ['task_failed', 'room:tasks'],
    ['leader_elected', 'room:coordination'],
    ['consensus_decided', 'room:coordination'],
    ['alert_triggered', 'room:system'],
  ] as const)('%s joins %s', (type, room) => {
    expect(feeds.eventType(type).topics).toEqual([`event:${type}`, room]);
  });

  it('connection events belong to no room', () => {
    expect(feeds.eventType('disconnected').topics).toEqual(['event:disconnected']);
  });

  it('on the wire: join the room, then narrow the type filter', () => {
    const topics = new Set(feeds.eventType('leader_elected').topics);
    expect(adapter.reconcile(new Set(), topics)).toEqual([
      { action: 'join', room: 'coordination' },
      { action: 'subscribe', data: { event_types: ['leader_elected'] } },
    ]);
  });
});
