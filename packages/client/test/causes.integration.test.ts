import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  type ClientOptions,
  createClient,
  type FeedkitClient,
  helios,
  type Protocol,
  plataformaE,
  takhin,
  veloflux,
} from '../src/index';
import { BrowserLikeWebSocket } from './support/BrowserLikeWebSocket';
import { collectErrors, next } from './support/helpers';

/**
 * Every failure says its real cause, and never a secret: refused port,
 * unknown host, self-signed certificate, invalid UTF-8, a hung token
 * provider or login, a 1008 that is not about credentials.
 */
const clients: FeedkitClient[] = [];
const servers: { close(cb: () => void): void }[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

function client<P extends Protocol>(
  protocol: P,
  url: string,
  extra: Partial<ClientOptions<P>> = {},
) {
  const c = createClient({
    url,
    protocol,
    backoff: () => 0,
    linger: 0,
    lifecycle: false,
    ...extra,
  });
  clients.push(c as unknown as FeedkitClient);
  return c;
}

/** A port nothing listens on: bound, then closed again. */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function listen(server: Server | ReturnType<typeof createHttpsServer>): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('causes', () => {
  it('a refused port says ECONNREFUSED (message, cause, state reason) and never the password in the URL', async () => {
    const port = await freePort();
    const c = client(takhin(), `ws://admin:s3cret-pw@127.0.0.1:${port}`);
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    const state = await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/ECONNREFUSED/);
    expect(errors[0]?.cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(state.reason).toMatch(/ECONNREFUSED/);
    const everything = JSON.stringify([errors.map((e) => [e.message, e.path]), c.state]);
    expect(everything).not.toContain('s3cret-pw');
    expect(c.state.connections[0]?.url).toBe(`ws://***@127.0.0.1:${port}/api/monitoring/ws`);
  });

  it('an unknown host names the DNS failure', async () => {
    const c = client(takhin(), 'ws://feedkit-does-not-exist.invalid');
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('a self-signed certificate is named with what to do; tls.ca makes it work', async () => {
    const server = createHttpsServer({
      key: fixture('self-signed.key'),
      cert: fixture('self-signed.crt'),
    });
    const wss = new WebSocketServer({ server });
    wss.on('connection', (socket) => socket.send('{"type":"pong","timestamp":1}'));
    const port = await listen(server);
    const untrusted = client(takhin(), `wss://127.0.0.1:${port}`);
    const errors = collectErrors(untrusted);
    untrusted.feed('metrics').subscribe();
    await next(untrusted.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT.*tls: \{ ca \}/);
    untrusted.close();

    const trusted = client(takhin(), `wss://127.0.0.1:${port}`, {
      tls: { ca: fixture('self-signed.crt') },
    });
    trusted.feed('metrics').subscribe();
    await next(trusted.state$, (s) => s.status === 'open');
    wss.close();
  });

  it('a wss:// URL on a plain WebSocket port names the failed TLS handshake and says to use ws://', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    servers.push(wss);
    await new Promise<void>((r) => wss.once('listening', r));
    const c = client(takhin(), `wss://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/EPROTO.*TLS handshake failed.*use a ws:\/\//s);
    // OpenSSL's message ends with a newline; the error reads as one line.
    expect(errors[0]?.message).not.toContain('\n');
  });

  it("a URL that already holds the feed's path is a 404 that says what `url` and `basePath` are", async () => {
    const server = createHttpServer();
    server.on('upgrade', (_request, socket) =>
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'),
    );
    const port = await listen(server);
    const c = client(takhin(), `ws://127.0.0.1:${port}/api/monitoring/ws`);
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/\/api\/monitoring\/ws\/api\/monitoring\/ws/);
    expect(errors[0]?.message).toMatch(/HTTP 404: .*without a feed's path.*`basePath`/);
  });

  it('invalid UTF-8 from the server is named, not "connection lost"', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    servers.push(wss);
    await new Promise<void>((r) => wss.once('listening', r));
    wss.on('connection', (socket) =>
      socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
    );
    const c = client(takhin(), `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    await next(c.errors$, (e) => /UTF-8/.test(e.message));
    expect(errors.some((e) => e.message.includes('WS_ERR_INVALID_UTF8'))).toBe(true);
  });

  it('Plataforma E closing with 1008 (an unknown log level) is a protocol error and a retry, not a fatal auth error', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    servers.push(wss);
    await new Promise<void>((r) => wss.once('listening', r));
    wss.on('connection', (socket) => socket.close(1008, 'unknown level'));
    const c = client(plataformaE(), `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const errors = collectErrors(c);
    c.feed('logs', { level: 'info' }).subscribe({ error: () => {} });
    await next(c.state$, (s) => s.attempt >= 3);
    expect(c.state.status).not.toBe('closed');
    expect(errors.every((e) => e.code === 'protocol' && !e.fatal)).toBe(true);
    expect(errors[0]?.message).toMatch(/policy violation \(1008\): unknown level/);
  });
});

describe('deadlines', () => {
  it('a token provider that never answers is aborted at the connect deadline: a timeout error and a retry', async () => {
    const signals: AbortSignal[] = [];
    const port = await freePort();
    const c = client(
      takhin({
        getToken: ({ signal }) => {
          signals.push(signal);
          return new Promise<string>(() => {});
        },
      }),
      `ws://127.0.0.1:${port}`,
      { connectTimeoutMs: 50 },
    );
    const errors = collectErrors(c);
    c.feed('metrics').subscribe();
    await next(c.state$, (s) => s.attempt >= 2);
    expect(errors[0]).toMatchObject({ code: 'timeout', fatal: false });
    expect(errors[0]?.message).toMatch(/token provider did not answer within 50 ms/);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals.length).toBeGreaterThanOrEqual(2);
  });

  it('a Helios login that hangs (frozen server) is aborted too; rest.login has its own deadline', async () => {
    const hung: import('node:http').ServerResponse[] = [];
    const server = createHttpServer((_request, response) => hung.push(response));
    const port = await listen(server);
    const c = client(
      helios({ username: 'admin', password: 'hunter22' }),
      `ws://127.0.0.1:${port}`,
      {
        connectTimeoutMs: 80,
        requestTimeoutMs: 60,
      },
    );
    const errors = collectErrors(c);
    c.feed('status').subscribe();
    await next(c.errors$, (e) => e.code === 'timeout' || e.code === 'connection');
    expect(errors[0]?.message).toMatch(/token provider|no answer within/);
    await expect(c.rest.login({ username: 'admin', password: 'hunter22' })).rejects.toMatchObject({
      code: 'rest',
      message: expect.stringMatching(/no answer within 60 ms \(timeout\)/),
    });
    expect(JSON.stringify(errors.map((e) => e.message))).not.toContain('hunter22');
    for (const response of hung) response.destroy();
    server.closeAllConnections();
  });
});

describe('a refused upgrade says what the server answered', () => {
  /** A server that answers every upgrade with `head` and `body`; `hold` keeps the response open. */
  async function refusing(head: string, body: string | Buffer, hold = false) {
    const held: import('node:stream').Duplex[] = [];
    const server = createHttpServer((_request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(body);
    });
    server.on('upgrade', (_request, socket) => {
      socket.write(`HTTP/1.1 ${head}\r\nConnection: close\r\n\r\n`);
      if (hold) held.push(socket.on('error', () => {}));
      socket.write(body);
      if (!hold) socket.end();
    });
    const port = await listen(server);
    const release = () => {
      for (const socket of held) socket.destroy();
    };
    return { port, release };
  }

  it('a 503 reads "upgrade refused: HTTP 503: too many connections", in the error and the state', async () => {
    const { port } = await refusing(
      '503 Service Unavailable\r\nContent-Type: text/plain',
      'too many\n connections\n',
    );
    const c = client(plataformaE(), `ws://127.0.0.1:${port}`);
    const errors = collectErrors(c);
    c.feed('notifications').subscribe();
    const state = await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]?.message).toMatch(/: upgrade refused: HTTP 503: too many connections$/);
    expect(errors[0]?.status).toBe(503);
    expect(state.reason).toBe('upgrade refused: HTTP 503: too many connections');
  });

  it("a proxy's 401 page is its words, not its markup, after the advice about proxies", async () => {
    const page =
      '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
    const { port } = await refusing('401 Unauthorized\r\nContent-Type: text/html', page);
    const c = client(plataformaE(), `ws://127.0.0.1:${port}`);
    const errors = collectErrors(c);
    c.feed('notifications').subscribe({ error: () => {} });
    await next(c.state$, (s) => s.status === 'closed');
    expect(errors[0]?.message).toMatch(
      /HTTP 401 \(this system takes no credentials: a proxy in front of it\?\): 401 Authorization Required 401 Authorization Required nginx: pass what the proxy asks for/,
    );
    expect(errors[0]?.message).not.toMatch(/[<>]/);
  });

  it('a binary body says nothing; a body that never ends is read until the deadline', async () => {
    const binary = await refusing(
      '503 Service Unavailable\r\nContent-Type: application/octet-stream',
      Buffer.from([0, 1, 2, 0xff]),
    );
    const hanging = await refusing(
      '429 Too Many Requests\r\nContent-Type: text/plain',
      'slow down, ',
      true,
    );
    const reasons: string[] = [];
    for (const port of [binary.port, hanging.port]) {
      const c = client(takhin(), `ws://127.0.0.1:${port}`);
      collectErrors(c);
      c.feed('metrics').subscribe();
      reasons.push((await next(c.state$, (s) => s.status === 'reconnecting')).reason ?? '');
      c.close();
    }
    hanging.release();
    expect(reasons).toEqual(['upgrade refused: HTTP 503', 'upgrade refused: HTTP 429: slow down,']);
  });

  it.each([
    ['Node (ws sees the 401 and its body)', undefined],
    ['a browser socket (the plain-GET probe reads the body)', BrowserLikeWebSocket],
  ])('%s: credentials the body echoes are redacted', async (_name, WebSocket) => {
    const token = 'tok-s3cret-value';
    const body = JSON.stringify({ error: { message: `token ${token} expired` } });
    const { port } = await refusing('401 Unauthorized\r\nContent-Type: application/json', body);
    const c = client(helios({ getToken: () => token }), `ws://127.0.0.1:${port}`, {
      ...(WebSocket && { WebSocket }),
    });
    const errors = collectErrors(c);
    c.feed('status').subscribe({ error: () => {} });
    await next(c.state$, (s) => s.status === 'closed');
    expect(errors.map((e) => [e.code, e.fatal, e.status])).toEqual([['auth', true, 401]]);
    expect(errors[0]?.message).toMatch(
      /HTTP 401 unauthorized \(credentials missing or refused\): token \*\*\* expired/,
    );
    expect(JSON.stringify([errors.map((e) => e.message), c.state])).not.toContain(token);
  });

  // Go's gorilla/websocket by default: an upgrade from another origin is refused with 403, and
  // a plain GET of the socket path is answered 400 (not a handshake) before the Origin is looked at.
  it('a browser upgrade refused where no credentials were sent names the page origin, not "connection lost"', async () => {
    const server = createHttpServer((_request, response) => {
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad Request\n');
    });
    server.on('upgrade', (_request, socket) => {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nForbidden\n');
    });
    const port = await listen(server);
    // A page of another origin: the browser sends it with the upgrade.
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const c = client(veloflux(), `ws://127.0.0.1:${port}`, { WebSocket: BrowserLikeWebSocket });
    const errors = collectErrors(c);
    c.feed('backends').subscribe();
    await next(c.state$, (s) => s.status === 'reconnecting');
    expect(errors[0]).toMatchObject({ code: 'connection', fatal: false });
    expect(errors[0]?.message).toMatch(/a plain GET of the socket path is answered/);
    expect(errors[0]?.message).toMatch(/CheckOrigin/);
  });
});
