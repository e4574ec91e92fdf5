import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  activeImmuneCore,
  createClient,
  createHttp,
  helios,
  plataformaE,
  veloflux,
} from '../src/index';

/** REST helpers over msw: success, 4xx, network error, a body that does not match the schema. */
const BASE = 'http://api.test';
const url = 'ws://api.test';
const mock = setupServer();

beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const control = { action: 'pause', type: 'all' } as const;
const controlOk = {
  success: true,
  action: 'pause',
  type: 'all',
  paused: { backends: true, metrics: true, status: true },
};

describe('REST helpers (msw)', () => {
  it('success: sends JSON, validates and returns the typed body', async () => {
    let received: unknown;
    mock.use(
      http.post(`${BASE}/api/ws/control`, async ({ request }) => {
        received = await request.json();
        expect(request.headers.get('content-type')).toBe('application/json');
        return HttpResponse.json(controlOk);
      }),
    );
    const client = createClient({ url, protocol: veloflux() });
    expect(await client.rest.control(control)).toEqual(controlOk);
    expect(await client.rest.pause()).toEqual(controlOk);
    expect(received).toEqual(control);
  });

  it('wss:// maps to https:// and path parameters are encoded', async () => {
    mock.use(
      http.get('https://secure.test/api/ws/project/:id/subscribers', ({ params }) =>
        HttpResponse.json({ project_id: params.id, subscribers: 2 }),
      ),
    );
    const client = createClient({ url: 'wss://secure.test', protocol: plataformaE() });
    expect(await client.rest.subscribers('PROJ 1/2')).toEqual({
      project_id: 'PROJ 1/2',
      subscribers: 2,
    });
  });

  it('4xx: a rest error with the status and the server message', async () => {
    mock.use(
      http.post(`${BASE}/api/ws/control`, () =>
        HttpResponse.json({ error: 'rate limited' }, { status: 429 }),
      ),
    );
    const client = createClient({ url, protocol: veloflux() });
    await expect(client.rest.control(control)).rejects.toMatchObject({
      name: 'FeedkitError',
      code: 'rest',
      status: 429,
      system: 'veloflux',
      message: expect.stringContaining('rate limited'),
    });
  });

  it.each([
    [
      "FastAPI's 422: the fields and what is wrong with them",
      HttpResponse.json(
        {
          detail: [
            { loc: ['body', 'event_type'], msg: 'field required', type: 'value_error.missing' },
            { loc: ['body', 'data'], msg: 'value is not a valid dict', type: 'type_error.dict' },
          ],
        },
        { status: 422 },
      ),
      'POST /ws/broadcast: HTTP 422: body.event_type: field required; body.data: value is not a valid dict',
    ],
    [
      "a proxy's 502 page: its words, not its markup",
      HttpResponse.html(
        '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        { status: 502 },
      ),
      'POST /ws/broadcast: HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx',
    ],
    [
      'a plain-text body that echoes a credential: redacted',
      new HttpResponse('bad request: /ws/broadcast?token=s3cret', { status: 400 }),
      'POST /ws/broadcast: HTTP 400: bad request: /ws/broadcast?token=***',
    ],
  ])('%s', async (_name, answer, message) => {
    mock.use(http.post(`${BASE}/ws/broadcast`, () => answer));
    const client = createClient({ url, protocol: activeImmuneCore() });
    const broadcast = { event_type: 'alert_triggered', data: {} };
    await expect(client.rest.broadcast(broadcast as never)).rejects.toMatchObject({
      code: 'rest',
      message,
    });
  });

  it('network error: a rest error without a status', async () => {
    mock.use(http.get(`${BASE}/ws/stats`, () => HttpResponse.error()));
    const client = createClient({ url, protocol: activeImmuneCore() });
    const error = await client.rest.stats().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rest', status: undefined });
    expect((error as Error).message).toMatch(/network error/);
  });

  it('a 2xx body that does not match the schema is a rest error naming the field', async () => {
    mock.use(
      http.get(`${BASE}/api/ws/stats`, () => HttpResponse.json({ active_connections: 'many' })),
    );
    const client = createClient({ url, protocol: plataformaE() });
    const error = await client.rest.stats().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rest', status: 200 });
    expect((error as Error).message).toMatch(/does not match the schema: active_connections/);
  });

  it('a non-JSON 2xx body is a rest error', async () => {
    mock.use(http.get(`${BASE}/ws/stats`, () => HttpResponse.text('<html>proxy</html>')));
    const client = createClient({ url, protocol: activeImmuneCore() });
    await expect(client.rest.stats()).rejects.toMatchObject({ code: 'rest', status: 200 });
  });

  it('an invalid request body never leaves the client', async () => {
    const client = createClient({ url, protocol: veloflux() });
    // onUnhandledRequest: 'error' would fail the test if anything were sent.
    await expect(
      client.rest.control({ action: 'explode', type: 'all' } as never),
    ).rejects.toMatchObject({ code: 'rest', message: expect.stringContaining('request body') });
  });

  it('Helios login returns the token and a 401 is a typed rest error', async () => {
    mock.use(
      http.post(`${BASE}/api/auth/login`, async ({ request }) => {
        const body = (await request.json()) as { password: string };
        return body.password === 'admin123'
          ? HttpResponse.json({ token: 'jwt-1' })
          : HttpResponse.json({ error: 'invalid credentials' }, { status: 401 });
      }),
    );
    const client = createClient({ url, protocol: helios() });
    expect(await client.rest.login({ username: 'admin', password: 'admin123' })).toEqual({
      token: 'jwt-1',
    });
    await expect(client.rest.login({ username: 'admin', password: 'nope' })).rejects.toMatchObject({
      code: 'rest',
      status: 401,
    });
  });
});

describe('REST wire options and deadlines (issue 11)', () => {
  it('basePath and headers reach every call', async () => {
    let seen: { path: string; tenant: string | null } | undefined;
    mock.use(
      http.get(`${BASE}/gateway/ws/stats`, ({ request }) => {
        seen = { path: new URL(request.url).pathname, tenant: request.headers.get('x-tenant') };
        return HttpResponse.json({ total_connections: 0 });
      }),
    );
    const client = createClient({
      url,
      protocol: activeImmuneCore(),
      basePath: '/gateway/',
      headers: { 'X-Tenant': 'blue' },
    });
    await client.rest.stats().catch(() => undefined);
    expect(seen).toEqual({ path: '/gateway/ws/stats', tenant: 'blue' });
  });

  it('a call that never answers fails after requestTimeoutMs with a rest error saying so', async () => {
    mock.use(http.get(`${BASE}/ws/stats`, () => delay('infinite')));
    const client = createClient({ url, protocol: activeImmuneCore(), requestTimeoutMs: 30 });
    await expect(client.rest.stats()).rejects.toMatchObject({
      code: 'rest',
      message: expect.stringMatching(/no answer within 30 ms \(timeout\)/),
    });
  });

  it('the Helios login of the token provider is aborted with its signal', async () => {
    mock.use(http.post(`${BASE}/api/auth/login`, () => delay('infinite')));
    const provider = helios({ username: 'admin', password: 'admin123' }).token;
    const controller = new AbortController();
    const transport = createHttp({ baseUrl: BASE, system: 'helios' });
    const login = provider?.({ refresh: true, http: transport, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(login).rejects.toMatchObject({
      code: 'rest',
      message: expect.stringMatching(/login: aborted/),
    });
  });
});
