import { describe, expect, it } from 'vitest';
import { Helios } from '../src/index';
import { seedPeerChange, seedStatus, seedUptime } from './support/heliosSeed';

const { adapter } = Helios;

describe('Helios decode: negative vectors never throw', () => {
  it.each([
    ['malformed JSON', '{"type":"status",', 'not_json', []],
    ['not an object', '"status"', 'not_object', []],
    [
      'wrong field type',
      seedStatus.replace('"term": 5', '"term": "5"'),
      'invalid_message',
      ['data', 'term'],
    ],
    [
      'missing field',
      seedPeerChange.replace('"peer_id": "node4",', ''),
      'invalid_message',
      ['data', 'peer_id'],
    ],
    [
      'unix seconds where ISO is due',
      seedUptime.replace('"2024-01-15T10:34:00Z"', '1705314840'),
      'invalid_message',
      ['timestamp'],
    ],
  ] as const)('%s', (_name, frame, code, path) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toEqual(path);
    expect(result.error.system).toBe('helios');
    expect(result.error.message).toContain('helios');
  });

  it.each([
    ['a flag missing', '{"type":"subscribe","data":{"status":true}}', ['data', 'latency']],
    [
      'a misspelt flag',
      '{"type":"subscribe","data":{"status":true,"latency":true,"uptime":true,"snapshot":true,"custom_metrics":true,"state_changes":true,"peer_changes":true,"state_change":true}}',
      ['data'],
    ],
    [
      'a flag that is not boolean',
      '{"type":"subscribe","data":{"status":1,"latency":true,"uptime":true,"snapshot":true,"custom_metrics":true,"state_changes":true,"peer_changes":true}}',
      ['data', 'status'],
    ],
  ])('a subscribe with %s is an invalid command', (_name, frame, path) => {
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.error.code).toBe('invalid_message');
    expect(result.error.path).toEqual(path);
  });

  it('an oversize command is refused before parsing', () => {
    const result = adapter.decodeCommand(JSON.stringify({ type: 'ping', pad: 'x'.repeat(5000) }));
    expect(result.kind === 'error' && result.error.code).toBe('oversize');
  });

  it('an unnamed type decodes as a typed unknown message', () => {
    const frame = '{"type":"log_compacted","timestamp":"2024-01-15T10:39:00Z","data":{}}';
    expect(adapter.decode(frame)).toEqual({
      kind: 'unknown',
      message: { type: 'log_compacted', value: JSON.parse(frame) },
    });
  });
});
