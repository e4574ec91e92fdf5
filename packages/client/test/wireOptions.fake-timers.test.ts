import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, takhin } from '../src/index';
import { FakeWebSocket } from './support/FakeWebSocket';

/** Wire details a deployment varies: base path, auth query parameter, headers and TLS. */
class NodeLikeWebSocket extends FakeWebSocket {
  on(): this {
    return this;
  }
  terminate(): void {}
}

const tick = () => vi.advanceTimersByTimeAsync(0);
beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('wire options', () => {
  it('a browser socket puts the key in the configured query parameter, behind the base path', async () => {
    const client = createClient({
      url: 'ws://fake.test/',
      basePath: 'feeds/',
      protocol: takhin({ apiKey: 'k-123456' }),
      authQueryParam: 'api_key',
      WebSocket: FakeWebSocket,
      lifecycle: false,
      heartbeat: false,
    });
    client.feed('metrics').subscribe();
    await tick();
    expect(FakeWebSocket.last.url).toBe('ws://fake.test/feeds/api/monitoring/ws?api_key=k-123456');
    expect(client.state.connections[0]?.url).toBe('ws://fake.test/feeds/api/monitoring/ws');
    client.close();
  });

  it('from Node: the bearer header, the extra headers and TLS options; the query too when asked for', async () => {
    const client = createClient({
      url: 'wss://fake.test',
      protocol: takhin({ apiKey: 'k-123456' }),
      authQueryParam: 'api_key',
      headers: { 'X-Tenant': 'blue' },
      tls: { ca: 'PEM', rejectUnauthorized: true },
      WebSocket: NodeLikeWebSocket,
      lifecycle: false,
      heartbeat: false,
    });
    client.feed('metrics').subscribe();
    await tick();
    expect(FakeWebSocket.last.url).toBe('wss://fake.test/api/monitoring/ws?api_key=k-123456');
    expect(FakeWebSocket.last.options).toEqual({
      headers: { 'X-Tenant': 'blue', Authorization: 'Bearer k-123456' },
      ca: 'PEM',
      rejectUnauthorized: true,
    });
    client.close();
  });

  it("without authQueryParam, Node keeps the key out of the URL (the document's default)", async () => {
    const client = createClient({
      url: 'wss://fake.test',
      protocol: takhin({ apiKey: 'k-123456' }),
      WebSocket: NodeLikeWebSocket,
      lifecycle: false,
      heartbeat: false,
    });
    client.feed('metrics').subscribe();
    await tick();
    expect(FakeWebSocket.last.url).toBe('wss://fake.test/api/monitoring/ws');
    expect(FakeWebSocket.last.options).toEqual({ headers: { Authorization: 'Bearer k-123456' } });
    client.close();
  });
});
