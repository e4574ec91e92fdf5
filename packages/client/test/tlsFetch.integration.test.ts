import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../src/createHttp';
import type { FeedkitError } from '../src/FeedkitError';
import { tlsFetch } from '../src/tlsFetch';

/**
 * The REST helpers apply `tls` as the sockets do: a private CA is trusted,
 * `rejectUnauthorized: false` is honoured, and without either the error
 * names the certificate problem. Real HTTPS servers with the self-signed
 * fixture, no mocks.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

type Handler = (request: IncomingMessage, body: string) => [number, Record<string, string>, string];

async function serve(secure: boolean, handler: Handler): Promise<string> {
  const listener = (request: IncomingMessage, response: import('node:http').ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const [status, headers, text] = handler(request, body);
      response.writeHead(status, headers).end(text);
    });
  };
  const server = secure
    ? createHttpsServer(
        { key: fixture('self-signed.key'), cert: fixture('self-signed.crt') },
        listener,
      )
    : createHttpServer(listener);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `${secure ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const echo: Handler = (request, body) => [
  200,
  { 'content-type': 'application/json', 'x-served': 'yes' },
  JSON.stringify({
    method: request.method,
    url: request.url,
    auth: request.headers.authorization,
    body,
  }),
];

describe('tlsFetch', () => {
  it('trusts the CA it is given: method, headers and body go out, status, headers and body come back', async () => {
    const base = await serve(true, echo);
    const fetchWithCa = tlsFetch({ ca: fixture('self-signed.crt') });
    expect(fetchWithCa).toBeTypeOf('function');
    const response = await fetchWithCa?.(`${base}/api/auth/login?x=1`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: '{"username":"admin"}',
    });
    expect(response?.status).toBe(200);
    expect(response?.headers.get('x-served')).toBe('yes');
    expect(await response?.json()).toEqual({
      method: 'POST',
      url: '/api/auth/login?x=1',
      auth: 'Bearer t',
      body: '{"username":"admin"}',
    });
  });

  it('without the CA the REST error names the certificate problem and what to do', async () => {
    const base = await serve(true, echo);
    const http = createHttp({ baseUrl: base, system: 'helios', fetch: tlsFetch({}) });
    const failure = (await http
      .request('GET', '/api/status', undefined, (j) => j)
      .catch((e: unknown) => e)) as FeedkitError;
    expect(failure.code).toBe('rest');
    expect(failure.message).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(failure.message).toMatch(/tls: \{ ca \}/);
  });

  it('honours rejectUnauthorized: false', async () => {
    const base = await serve(true, echo);
    const http = createHttp({
      baseUrl: base,
      system: 'helios',
      fetch: tlsFetch({ rejectUnauthorized: false }),
    });
    expect(await http.request('GET', '/status', undefined, (j) => j)).toMatchObject({
      url: '/status',
    });
  });

  it('speaks plain http too, keeps an error status and a body-less 204', async () => {
    const base = await serve(false, (request) =>
      request.url === '/gone' ? [404, {}, '{"error":"no such thing"}'] : [204, {}, ''],
    );
    const fetchPlain = tlsFetch({ ca: fixture('self-signed.crt') });
    const missing = await fetchPlain?.(`${base}/gone`);
    expect(missing?.status).toBe(404);
    expect(await missing?.text()).toBe('{"error":"no such thing"}');
    const empty = await fetchPlain?.(`${base}/nothing`, { method: 'DELETE' });
    expect(empty?.status).toBe(204);
    expect(await empty?.text()).toBe('');
  });

  it("an aborted request rejects with the signal's reason", async () => {
    const base = await serve(true, echo);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const fetchWithCa = tlsFetch({ ca: fixture('self-signed.crt') });
    await expect(fetchWithCa?.(`${base}/x`, { signal: controller.signal })).rejects.toThrow('stop');
  });
});
