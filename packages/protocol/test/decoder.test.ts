import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createDecoder } from '../src/index';

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
