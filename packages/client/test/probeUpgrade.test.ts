import { describe, expect, it } from 'vitest';
import { upgradeProbe } from '../src/probeUpgrade';

/**
 * The probe's reading of a browser's fetch. A page's fetch to a server that
 * sends no CORS header for its origin rejects exactly like a network error
 * (a TypeError); only a `no-cors` GET, answered opaquely, shows the server
 * answered. The real thing runs in Chromium in
 * apps/independent-servers/test/browser.chromium.test.ts.
 */
const ms = 1000;

/** A browser-like fetch: `cors` answers with `status`, or rejects as a blocked or failed fetch. */
function browserFetch(answer: { cors?: number; noCors: 'opaque' | 'fails' }): typeof fetch {
  return async (_url, init) => {
    if (init?.mode === 'no-cors') {
      if (answer.noCors === 'fails') throw new TypeError('Failed to fetch');
      // What a browser gives a page for a no-cors answer: no status, no body, type opaque.
      return Object.defineProperty(new Response(null), 'type', { value: 'opaque' });
    }
    if (answer.cors === undefined) throw new TypeError('Failed to fetch');
    return new Response('refused', { status: answer.cors });
  };
}

describe('upgradeProbe', () => {
  it.each([
    // The body's words come along (refusalText), for the error message.
    ['a readable 401', { cors: 401, noCors: 'fails' as const }, { status: 401, text: 'refused' }],
    ['a readable 403', { cors: 403, noCors: 'fails' as const }, { status: 403, text: 'refused' }],
    // Says nothing about credentials, but the server is up and serves the path: gorilla answers
    // a plain GET 400 (not a WebSocket handshake) before it looks at the Origin.
    [
      'a readable 400 shows a server that is up',
      { cors: 400, noCors: 'fails' as const },
      { answered: 400 },
    ],
    [
      'a readable 426 shows a server that is up',
      { cors: 426, noCors: 'opaque' as const },
      { answered: 426 },
    ],
    ['a readable 404 says nothing', { cors: 404, noCors: 'opaque' as const }, undefined],
    ['a readable 503 says nothing', { cors: 503, noCors: 'opaque' as const }, undefined],
    ['an answer the page may not read (no CORS header)', { noCors: 'opaque' as const }, 'hidden'],
    ['no answer at all (network)', { noCors: 'fails' as const }, undefined],
  ])('%s', async (_name, answer, expected) => {
    const probe = upgradeProbe({ fetch: browserFetch(answer), timeoutMs: ms });
    expect(await probe('ws://127.0.0.1:9/ws/cluster?token=t')).toEqual(expected);
  });

  it('asks with a plain GET of the http URL, the credentials still in the query', async () => {
    const asked: string[] = [];
    const fetchImpl: typeof fetch = async (url, init) => {
      asked.push(`${init?.method} ${String(url)} ${init?.mode ?? 'cors'}`);
      throw new TypeError('Failed to fetch');
    };
    await upgradeProbe({ fetch: fetchImpl, timeoutMs: ms })('wss://user:pw@host:1/ws?token=t');
    expect(asked).toEqual([
      'GET https://host:1/ws?token=t cors',
      'GET https://host:1/ws?token=t no-cors',
    ]);
  });
});
