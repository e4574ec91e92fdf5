import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createDecoder, PlataformaE, Takhin } from '../src/index';

// A sixth system whose messages name their type in `kind`: the core decoder
// must learn that from the adapter's `discriminate`, never guess `type` or
// another system's `event_type`.
const decode = createDecoder({
  system: 'sixth',
  schemas: { reading: z.object({ kind: z.literal('reading'), value: z.number() }) },
  discriminate: (value) => (typeof value.kind === 'string' ? value.kind : undefined),
});

describe('createDecoder names messages only through the adapter', () => {
  it.each([
    [
      'a kind it does not know, beside a misleading type',
      { kind: 'alarm', type: 'reading' },
      'alarm',
    ],
    ['a kind it does not know, beside an event_type', { kind: 'alarm', event_type: 'x' }, 'alarm'],
    [
      'no kind at all, though a type and an event_type are there',
      { type: 't', event_type: 'e' },
      undefined,
    ],
  ])('%s', (_name, value, type) => {
    expect(decode(JSON.stringify(value))).toEqual({ kind: 'unknown', message: { type, value } });
  });

  it('a known kind decodes with its schema', () => {
    expect(decode('{"kind":"reading","value":1.5}')).toEqual({
      kind: 'message',
      message: { kind: 'reading', value: 1.5 },
    });
  });
});

describe('an invalid message says what was expected and what came', () => {
  it.each([
    [
      'a wrong type',
      '{"type":"group_updated","timestamp":1,"data":{"groupId":5,"state":"S","members":1}}',
      'data.groupId: expected string, received number 5',
    ],
    [
      'a missing field',
      '{"type":"group_updated","timestamp":1,"data":{"groupId":"g","state":"S"}}',
      'data.members: expected number, received nothing (the field is missing)',
    ],
    [
      'null where an object is due',
      '{"type":"metrics","timestamp":1,"data":null}',
      'data: expected object, received null',
    ],
  ])('%s', (_name, frame, text) => {
    const result = Takhin.adapter.decode(frame);
    expect(result.kind === 'error' && result.error.message).toContain(text);
  });

  it('a timestamp in no ISO spelling names the format', () => {
    const result = PlataformaE.adapter.decode(
      '{"type":"pong","data":{},"timestamp":"yesterday","message_id":"m"}',
    );
    expect(result.kind === 'error' && result.error.issues[0]?.message).toBe(
      'expected an ISO 8601 date-time, received string "yesterday"',
    );
  });
});
