import { describe, expect, it } from 'vitest';
import { ActiveImmuneCore } from '../src/index';
import { event, seedWsEvent } from './support/activeImmuneCoreSeed';

const { adapter } = ActiveImmuneCore;

describe('Active Immune Core decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"event_type":"agent_created",', 'not_json', []],
    ['not an object', '[]', 'not_object', []],
    [
      'wrong field type',
      event('leader_elected', { leader_id: 'a', term: '3' }),
      'invalid_message',
      ['data', 'term'],
    ],
    [
      'missing the field the event is about',
      event('consensus_decided', { decision: 'approved', approval_rate: 1 }),
      'invalid_message',
      ['data', 'proposal_id'],
    ],
    [
      'timestamp that is not ISO',
      seedWsEvent.replace('"2025-10-06T14:30:00.123Z"', '"2025-10-06T..."'),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'response with a non-string message',
      '{"success":true,"message":42}',
      'invalid_message',
      ['message'],
    ],
  ] as const)('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('active-immune-core');
  });

  it.each([
    ['a room name over 64 characters', { action: 'join', room: 'r'.repeat(65) }, ['room']],
    ['an empty room name', { action: 'leave', room: '' }, ['room']],
    ['a join without a room', { action: 'join' }, ['room']],
    [
      'an unknown event type',
      { action: 'subscribe', data: { event_types: ['agent_exploded'] } },
      ['data', 'event_types', 0],
    ],
    [
      'an empty type list',
      { action: 'unsubscribe', data: { event_types: [] } },
      ['data', 'event_types'],
    ],
    [
      'event_types not a list',
      { action: 'subscribe', data: { event_types: 'agent_created' } },
      ['data', 'event_types'],
    ],
  ])('a command with %s is invalid', (_name, command, path) => {
    const result = adapter.decodeCommand(JSON.stringify(command));
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('invalid_message');
    expect(result.error.path).toEqual(path);
  });

  it('a 64-character room name is still valid', () => {
    expect(
      adapter.decodeCommand(JSON.stringify({ action: 'join', room: 'r'.repeat(64) })).kind,
    ).toBe('message');
  });

  it('an oversize command is refused before parsing', () => {
    const result = adapter.decodeCommand(
      JSON.stringify({ action: 'join', room: 'r'.repeat(9000) }),
    );
    expect(result.kind === 'error' && result.error.code).toBe('oversize');
  });

  it.each([
    [
      'an event type the seed does not name',
      '{"event_type":"agent_cloned","timestamp":"2025-10-06T14:30:00","data":{}}',
      'agent_cloned',
    ],
    ['an object that is neither event nor response', '{"hello":"world"}', undefined],
    ['a response whose success is not boolean', '{"success":"yes","message":"pong"}', undefined],
  ])('%s decodes as a typed unknown message', (_name, frame, type) => {
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type, value: JSON.parse(frame) },
    });
  });

  it('an unknown client action is unknown, not an error', () => {
    const result = adapter.decodeCommand('{"action":"dance"}');
    expect(result.kind).toBe('unknown');
  });
});
