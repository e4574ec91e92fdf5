import { Takhin } from '@feedkit/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../src/Connection';
import type { ConnectionOptions } from '../src/ConnectionOptions';
import { ABANDONED_CLOSE_CODE } from '../src/closeRule';
import { FeedkitError } from '../src/FeedkitError';
import type { TransportOwner, TransportState } from '../src/Transport';
import { FakeWebSocket } from './support/FakeWebSocket';

/** The Connection alone: a fake WebSocket, a recording owner, fake timers. */
const URL = 'ws://fake.test/api/monitoring/ws';

function setup(options: Partial<ConnectionOptions> = {}, owner: Partial<TransportOwner> = {}) {
  const log: string[] = [];
  const errors: FeedkitError[] = [];
  const ended: [boolean, FeedkitError | undefined][] = [];
  const connection = new Connection(
    URL,
    {
      system: 'takhin',
      auth: Takhin.adapter.auth,
      token: undefined,
      WebSocket: FakeWebSocket,
      backoff: (attempt) => attempt * 1000,
      shouldRetry: () => true,
      stableAfterMs: 5000,
      connectTimeoutMs: 3000,
      heartbeat: false,
      systemPing: Takhin.adapter.heartbeat,
      socket: {},
      ...options,
    },
    {
      open: (reconnect) => log.push(`open ${reconnect}`),
      frame: (frame) => log.push(`frame ${frame}`),
      state: (s: TransportState) => log.push(`state ${s.status}:${s.attempt}`),
      error: (e) => errors.push(e),
      ended: (fatal, error) => ended.push([fatal, error]),
      silenceLimitMs: () => 0,
      ...owner,
    },
  );
  return { connection, log, errors, ended };
}

const tick = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_704_225_600_000);
  FakeWebSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('Connection', () => {
  it('knows no feeds: open asks the owner to replay before it tells the open state; frames pass through', () => {
    const { connection, log } = setup();
    expect(connection.send('early')).toBe(false);
    connection.open();
    connection.open(); // idempotent
    expect(FakeWebSocket.instances).toHaveLength(1);
    FakeWebSocket.last.open();
    expect(connection.send('hello')).toBe(true);
    FakeWebSocket.last.receive('{"type":"pong"}');
    expect(log).toEqual([
      'state connecting:0',
      'open false',
      'state open:0',
      'frame {"type":"pong"}',
    ]);
    expect(FakeWebSocket.last.sent).toEqual(['hello']);
    connection.close();
  });

  it('reconnects after the backoff and tells the owner it is a reconnect', async () => {
    const { connection, log } = setup();
    connection.open();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(1012, 'restart');
    expect(connection.state).toMatchObject({
      status: 'reconnecting',
      attempt: 1,
      closeCode: 1012,
      reason: 'service restart (1012): restart',
      nextRetryAt: Date.now() + 1000,
    });
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.open();
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open false', 'open true']);
    connection.close();
  });

  it('a connect deadline abandons the socket with the abandoned code, a typed error and a retry', async () => {
    const { connection, errors } = setup();
    connection.open();
    await vi.advanceTimersByTimeAsync(3000);
    expect(FakeWebSocket.instances[0]?.closedWith).toBe(ABANDONED_CLOSE_CODE);
    expect(connection.state).toMatchObject({
      status: 'reconnecting',
      reason: 'no open within 3000 ms',
    });
    expect(errors.map((e) => e.code)).toEqual(['connection']);
    connection.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a refused credential is retried at once with refresh: true; a second refusal ends it, fatal', async () => {
    const requests: boolean[] = [];
    const { connection, ended, errors } = setup({
      token: ({ refresh }) => {
        requests.push(refresh);
        return 'k';
      },
    });
    connection.open();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001);
    await tick();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(4001);
    expect(requests).toEqual([false, true]);
    expect(connection.state.status).toBe('closed');
    expect(ended).toHaveLength(1);
    expect(ended[0]?.[0]).toBe(true);
    expect(ended[0]?.[1]).toBe(errors[0]);
    expect(errors[0]).toMatchObject({ code: 'auth', fatal: true, closeCode: 4001 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a token provider that throws a 401 counts as refused credentials', async () => {
    const { connection } = setup({
      token: () => {
        throw new FeedkitError('rest', 'login refused', { system: 'takhin', status: 401 });
      },
    });
    connection.open();
    await tick();
    expect(connection.state.status).toBe('closed');
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('an owner that closes the connection while being told leaves nothing half done', async () => {
    let connection: Connection | undefined;
    const made = setup(
      { heartbeat: { intervalMs: 1000 } },
      {
        state: (s) => {
          if (s.status === 'reconnecting') connection?.close();
        },
      },
    );
    connection = made.connection;
    connection.open();
    FakeWebSocket.last.open();
    FakeWebSocket.last.serverClose(1011);
    expect(connection.state.status).toBe('closed');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('shouldRetry false ends it, fatal, with the connection error', () => {
    const { connection, ended } = setup({ shouldRetry: () => false });
    connection.open();
    FakeWebSocket.last.serverClose(1006);
    expect(connection.state).toMatchObject({
      status: 'closed',
      // The fake, like a browser's socket, hides a refused upgrade's status.
      reason: expect.stringMatching(/^not retrying: closed before it opened \(1006\)/),
    });
    expect(ended[0]?.[1]).toMatchObject({ code: 'connection', fatal: true });
  });

  it('the heartbeat pings in the system dialect and a silent peer is abandoned as dead', async () => {
    const { connection, errors } = setup({ heartbeat: { intervalMs: 1000, timeoutMs: 2500 } });
    connection.open();
    FakeWebSocket.last.open();
    await vi.advanceTimersByTimeAsync(2500);
    expect(FakeWebSocket.instances[0]?.sent.map((f) => JSON.parse(f).type)).toEqual([
      'ping',
      'ping',
    ]);
    expect(connection.state).toMatchObject({ status: 'reconnecting', closeCode: 4000 });
    expect(errors.map((e) => e.code)).toEqual(['connection']);
    connection.close();
  });

  it('reconnectNow replaces an open socket at once and skips a backoff wait', async () => {
    const { connection } = setup();
    connection.open();
    FakeWebSocket.last.open();
    connection.reconnectNow();
    expect(FakeWebSocket.instances[0]?.closedWith).toBe(1000);
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.serverClose(1006);
    connection.reconnectNow();
    await tick();
    expect(FakeWebSocket.instances).toHaveLength(3);
    connection.close();
  });
});

describe('Connection: issue 11', () => {
  it("Deno's code 0 for a refused upgrade before open asks for a fresh token and reports; never a silent loop", async () => {
    const requests: boolean[] = [];
    const { connection, errors } = setup({
      auth: { query: 'token', bearerHeader: true, required: true },
      token: ({ refresh }) => {
        requests.push(refresh);
        return 'stale-token';
      },
    });
    connection.open();
    FakeWebSocket.last.serverClose(0);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.last.serverClose(1005);
    await vi.advanceTimersByTimeAsync(2000);
    expect(requests).toEqual([false, true, true]);
    expect(errors.map((e) => [e.code, e.fatal])).toEqual([
      ['connection', false],
      ['connection', false],
    ]);
    expect(errors[0]?.message).toMatch(/retried \(a token provider is asked again\)/);
    expect(JSON.stringify([errors.map((e) => e.message), connection.state])).not.toContain(
      'stale-token',
    );
    connection.close();
  });

  it('a backoff returning NaN is clamped to the default wait and reported once, not a 1 ms loop', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const reported: string[] = [];
    const { checkedBackoff } = await import('../src/Backoff');
    const { connection } = setup({
      backoff: checkedBackoff(
        () => Number.NaN,
        (problem) => reported.push(problem),
      ),
    });
    connection.open();
    for (let i = 0; i < 5; i++) {
      FakeWebSocket.last.serverClose(1006);
      await vi.advanceTimersByTimeAsync(2 ** i * 500);
    }
    // 0.5 × 1 s, 2 s, 4 s, 8 s, 16 s: five sockets in 15.5 s, where NaN used to make thousands.
    expect(FakeWebSocket.instances).toHaveLength(6);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/returned NaN/);
    connection.close();
    vi.restoreAllMocks();
  });

  it('a ping the peer never answers is a dead peer even while other frames arrive', async () => {
    const { connection, errors } = setup({ heartbeat: { intervalMs: 1000, timeoutMs: 2500 } });
    connection.open();
    FakeWebSocket.last.open();
    for (let t = 0; t < 3600; t += 200) {
      FakeWebSocket.last.receive('{"type":"metrics"}');
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(connection.state).toMatchObject({ status: 'reconnecting', closeCode: 4000 });
    expect(errors.map((e) => e.code)).toEqual(['connection']);
    connection.close();
  });

  it('answered pings keep a busy socket alive', async () => {
    const { connection } = setup({ heartbeat: { intervalMs: 1000, timeoutMs: 2500 } });
    connection.open();
    FakeWebSocket.last.open();
    for (let t = 0; t < 10_000; t += 500) {
      connection.pong();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(connection.state.status).toBe('open');
    connection.close();
  });
});
