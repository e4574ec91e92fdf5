import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createClient, type FeedkitClient, takhin } from '../src/index';
import { collectErrors, next } from './support/helpers';
import { takhinMetrics } from './support/takhinMetrics';

/**
 * Behaviour the reference server cannot produce on purpose: a server that
 * accepts and closes at once (flapping), and one that sends a malformed frame.
 * A tiny raw `ws` server on port 0 plays it.
 */
let wss: WebSocketServer | undefined;
let client: FeedkitClient | undefined;

function rawServer(onConnection: (socket: import('ws').WebSocket) => void): Promise<string> {
  return new Promise((resolve) => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => {
      resolve(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
    server.on('connection', onConnection);
    wss = server;
  });
}

afterEach(async () => {
  client?.close();
  client = undefined;
  await new Promise<void>((resolve) => {
    for (const socket of wss?.clients ?? []) socket.terminate();
    if (wss) wss.close(() => resolve());
    else resolve();
  });
  wss = undefined;
});

const metrics = (timestamp: number) => JSON.stringify(takhinMetrics(timestamp));

describe('against a raw ws server', () => {
  it('a flapping server (accept, close at once) sees attempts spaced by the backoff, not a hot loop', async () => {
    const accepted: number[] = [];
    const url = await rawServer((socket) => {
      accepted.push(performance.now());
      socket.close(1011, 'flap');
    });
    const backoff = (attempt: number) => attempt * 40;
    const c = createClient({ url, protocol: takhin(), backoff, stableAfterMs: 5000 });
    client = c as unknown as FeedkitClient;
    const sub = c.feed('metrics').subscribe();
    // Attempts 1..5 wait 40+80+120+160+200 = 600 ms in all.
    await next(c.state$, (s) => s.attempt === 6);
    sub.unsubscribe();
    expect(accepted.length).toBeGreaterThanOrEqual(6);
    expect(accepted.length).toBeLessThanOrEqual(7);
    const gaps = accepted.slice(1, 6).map((t, i) => t - (accepted[i] as number));
    gaps.forEach((gap, i) => {
      // Each wait is at least the backoff for its attempt (timer slack only adds).
      expect(gap).toBeGreaterThanOrEqual(backoff(i + 1) - 2);
    });
    expect(c.state.reason).toMatch(/1011/);
  });

  it('a malformed frame from the server is a decode error and the connection lives on', async () => {
    let connections = 0;
    const url = await rawServer((socket) => {
      connections++;
      socket.send('{"type":"metrics",');
      socket.send('[1,2,3]');
      socket.send(metrics(1704225600));
    });
    const c = createClient({ url, protocol: takhin(), backoff: () => 0 });
    client = c as unknown as FeedkitClient;
    const errors = collectErrors(c);
    const message = await next(c.feed('metrics'));
    expect(message.timestamp).toBe(1704225600);
    expect(errors.map((e) => [e.code, e.decodeError?.code])).toEqual([
      ['decode', 'not_json'],
      ['decode', 'not_object'],
    ]);
    expect(errors[0]?.decodeError?.preview).toBe('{"type":"metrics",');
    expect(c.state.status).toBe('open');
    expect(connections).toBe(1);
  });

  it('binary frames are decoded as UTF-8 text', async () => {
    const url = await rawServer((socket) => socket.send(Buffer.from(metrics(7)), { binary: true }));
    const c = createClient({ url, protocol: takhin(), backoff: () => 0 });
    client = c as unknown as FeedkitClient;
    expect((await next(c.feed('metrics'))).timestamp).toBe(7);
  });
});
