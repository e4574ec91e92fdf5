import { describe, expect, it } from 'vitest';
import { PlataformaE } from '../src/index';
import { envelope, seedStructure } from './support/plataformaESeed';

const { adapter } = PlataformaE;

describe('Plataforma E decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"type":"story_created",', 'not_json', []],
    ['not an object', '42', 'not_object', []],
    [
      'wrong field type',
      seedStructure.replace('"story_id": "STR-0001",', '"story_id": 1,'),
      'invalid_message',
      ['data', 'story_id'],
    ],
    [
      'missing required field',
      seedStructure.replace('"timestamp": "2025-01-15T10:30:00Z",', ''),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'missing data',
      '{"type":"notification","timestamp":"2025-01-15T10:30:00Z","message_id":"m"}',
      'invalid_message',
      ['data'],
    ],
    [
      'unix seconds where an ISO timestamp is due',
      seedStructure.replace('"2025-01-15T10:30:00Z"', '1736937000'),
      'invalid_message',
      ['timestamp'],
    ],
    [
      'oversize frame',
      envelope('notification', { title: 't', message: 'x'.repeat(65_536) }),
      'oversize',
      [],
    ],
  ])('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('plataforma-e');
    expect(result.error.message).toContain('plataforma-e');
  });

  it.each([
    ['malformed JSON', '{"action":', 'not_json', []],
    ['bare text other than ping', 'pong', 'not_json', []],
    [
      'project_id of the wrong type',
      '{"action":"subscribe","project_id":7}',
      'invalid_message',
      ['project_id'],
    ],
    ['missing project_id', '{"action":"unsubscribe"}', 'invalid_message', ['project_id']],
    [
      'project_id over 128 characters',
      JSON.stringify({ action: 'subscribe', project_id: 'P'.repeat(129) }),
      'invalid_message',
      ['project_id'],
    ],
    [
      'a frame over 65,536 characters',
      JSON.stringify({ action: 'stats', pad: 'x'.repeat(65_536) }),
      'oversize',
      [],
    ],
  ])('command: %s', (_name, frame, code, path) => {
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
  });

  it('a frame of exactly 65,536 characters is still read', () => {
    const base = JSON.stringify({ action: 'stats', pad: '' });
    const frame = JSON.stringify({ action: 'stats', pad: 'x'.repeat(65_536 - base.length) });
    expect(frame.length).toBe(65_536);
    expect(adapter.decodeCommand(frame)).toEqual({ kind: 'message', message: { action: 'stats' } });
  });

  it('unnamed types and actions decode as typed unknown messages', () => {
    const frame = envelope('sprint_started', { sprint_id: 'S-1' });
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type: 'sprint_started', value: JSON.parse(frame) },
    });
    expect(adapter.decodeCommand('{"action":"join"}')).toEqual({
      kind: 'unknown',
      message: { type: 'join', value: { action: 'join' } },
    });
  });
});
