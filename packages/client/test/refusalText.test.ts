import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BodyChunks,
  bodyLine,
  REFUSAL_BYTES,
  REFUSAL_DEADLINE_MS,
  refusalText,
} from '../src/refusalText';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('bodyLine: a refused upgrade body as one line', () => {
  it.each<[string, string | Uint8Array, string | undefined, string | undefined]>([
    [
      'plain text, whitespace collapsed',
      'too many\r\n  connections\n',
      'text/plain',
      'too many connections',
    ],
    ['no content type', 'Service Unavailable', undefined, 'Service Unavailable'],
    [
      "a proxy's HTML page: its words",
      '<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><h1>502 Bad&nbsp;Gateway</h1><!-- x --><script>alert("<b>")</script><hr>nginx</body></html>',
      'text/html; charset=utf-8',
      '502 Bad Gateway 502 Bad Gateway nginx',
    ],
    ['HTML without a content type', '<p>Forbidden</p>', undefined, 'Forbidden'],
    [
      'a JSON error: its message',
      '{"error":"too many connections"}',
      'application/json',
      'too many connections',
    ],
    [
      'nested JSON error',
      '{"error":{"code":7,"message":"quota"}}',
      'application/problem+json',
      'quota',
    ],
    ['JSON without a message field: as it is', '{"code":7}', 'application/json', '{"code":7}'],
    ['empty', '', 'text/plain', undefined],
    ['only whitespace', ' \r\n\t', 'text/plain', undefined],
    ['binary', new Uint8Array([0, 1, 2, 0xff]), undefined, undefined],
    [
      'credentials redacted',
      'bad ws://u:pw@h/ws?token=abc Bearer xyz',
      'text/plain',
      'bad ws://***@h/ws?token=*** Bearer ***',
    ],
  ])('%s', (_name, body, type, expected) => {
    expect(bodyLine(typeof body === 'string' ? bytes(body) : body, type)).toBe(expected);
  });

  it('a body cut at the byte limit is marked, and a character cut in half is dropped', () => {
    const cut = bytes(`${'é'.repeat(REFUSAL_BYTES)}`).subarray(0, REFUSAL_BYTES - 1);
    const full = new Uint8Array(REFUSAL_BYTES);
    full.set(cut);
    full[REFUSAL_BYTES - 1] = 0xc3;
    const line = bodyLine(full, 'text/plain') ?? '';
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toContain('\uFFFD');
    expect(line.length).toBeLessThanOrEqual(201);
  });
});

/** Chunks as a reader hands them out; `hang` never ends after them. */
function chunks(parts: string[], hang = false): BodyChunks & { cancelled: number } {
  const queue = parts.map(bytes);
  const source = {
    cancelled: 0,
    next: () => {
      const value = queue.shift();
      if (value) return Promise.resolve({ value });
      return hang ? new Promise<never>(() => {}) : Promise.resolve({ done: true });
    },
    cancel: () => {
      source.cancelled++;
    },
  };
  return source;
}

describe('refusalText: reads a bounded part of the body', () => {
  afterEach(() => vi.useRealTimers());

  it('reads chunk after chunk, stops at the byte limit, and cancels the rest', async () => {
    const body = chunks(['too many ', 'connections']);
    expect(await refusalText(body, 'text/plain')).toBe('too many connections');
    expect(body.cancelled).toBe(1);
    const endless = chunks(Array.from({ length: 100 }, () => 'x'.repeat(100)));
    expect(await refusalText(endless, undefined)).toMatch(/^x{200}…$/);
    expect(endless.cancelled).toBe(1);
  });

  it('does not read a body that is not text', async () => {
    const body = chunks(['PNG']);
    expect(await refusalText(body, 'image/png')).toBeUndefined();
    expect(body.cancelled).toBe(1);
  });

  it('a reset mid-body keeps what arrived', async () => {
    let calls = 0;
    const body: BodyChunks = {
      next: () =>
        calls++ === 0
          ? Promise.resolve({ value: bytes('partial') })
          : Promise.reject(new Error('ECONNRESET')),
      cancel: () => {},
    };
    expect(await refusalText(body, 'text/plain')).toBe('partial');
  });

  it('a body that never ends gives what arrived by the deadline', async () => {
    vi.useFakeTimers();
    const body = chunks(['slow ', 'down'], true);
    const text = refusalText(body, 'text/plain');
    await vi.advanceTimersByTimeAsync(REFUSAL_DEADLINE_MS);
    expect(await text).toBe('slow down');
    expect(body.cancelled).toBe(1);
  });
});
