import { WebSocket } from 'ws';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/**
 * A raw `ws` client that records every frame, so a test can await "the next
 * message that matches" without racing the socket, and await the close.
 */
export class TestClient {
  /** Every frame received, parsed (text that is not JSON is kept as a string). */
  readonly received: unknown[] = [];
  /** Every frame received, as the exact text on the wire. */
  readonly frames: string[] = [];
  /** performance.now() at which each frame arrived. */
  readonly arrivals: number[] = [];
  readonly closed: Promise<Closed>;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      let value: unknown = text;
      try {
        value = JSON.parse(text);
      } catch {}
      this.received.push(value);
      this.arrivals.push(performance.now());
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters) wake();
      });
    });
    socket.on('error', () => {});
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new TestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        response.resume();
        socket.terminate();
      });
      socket.once('error', (error) => reject(error));
    });
  }

  /** The HTTP status of a refused upgrade (fails the test if the socket opens). */
  static async refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
    try {
      const client = await TestClient.open(url, headers);
      client.socket.close();
    } catch (error) {
      if (error instanceof UpgradeRefused) return error.status;
      throw error;
    }
    throw new Error(`expected ${url} to be refused, but it opened`);
  }

  send(value: unknown): void {
    this.socket.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /**
   * The first frame at or after index `from` that matches; waits for it.
   * Returns the message and its index so a test can continue after it.
   */
  async next<T = Record<string, unknown>>(
    match: (message: Record<string, unknown>) => boolean = () => true,
    { from = 0, timeoutMs = 5000 }: { from?: number; timeoutMs?: number } = {},
  ): Promise<T> {
    const found = await this.nextIndex(match, { from, timeoutMs });
    return this.received[found] as T;
  }

  nextIndex(
    match: (message: Record<string, unknown>) => boolean,
    { from = 0, timeoutMs = 5000 }: { from?: number; timeoutMs?: number } = {},
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      let cursor = from;
      const check = () => {
        for (; cursor < this.received.length; cursor++) {
          const value = this.received[cursor];
          if (
            typeof value === 'object' &&
            value !== null &&
            match(value as Record<string, unknown>)
          ) {
            done();
            resolve(cursor);
            return;
          }
        }
        if (this.socket.readyState === WebSocket.CLOSED) {
          done();
          reject(
            new Error(
              `socket closed before a matching message; got ${JSON.stringify(this.received).slice(0, 2000)}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.received).slice(0, 2000)}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits until `count` frames matching `match` have arrived; returns them. */
  async collect<T = Record<string, unknown>>(
    count: number,
    match: (message: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<{ messages: T[]; times: number[] }> {
    const messages: T[] = [];
    const times: number[] = [];
    let from = 0;
    for (let i = 0; i < count; i++) {
      const index = await this.nextIndex(match, { from, timeoutMs });
      messages.push(this.received[index] as T);
      times.push(this.arrivals[index] as number);
      from = index + 1;
    }
    return { messages, times };
  }

  close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close();
    return this.closed;
  }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}

/** JSON REST call; returns the status and the parsed body. */
export async function rest(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed, headers: response.headers };
}
