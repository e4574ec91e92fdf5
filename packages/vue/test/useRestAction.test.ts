import { createClient, plataformaE, veloflux } from '@feedkit/client';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { provideClient } from '../src/provideClient';
import { useBroadcast } from '../src/systems/plataforma-e';
import { usePause } from '../src/systems/veloflux';
import { useRestAction } from '../src/useRestAction';

// msw answers at the fetch level, so the request really leaves the code under test.
const api = setupServer();
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.resetHandlers());
afterAll(() => api.close());

const BASE = 'http://veloflux.test';

async function forceUpdate(pool: string): Promise<{ status: string }> {
  const response = await fetch(`${BASE}/api/ws/force-update`, {
    method: 'POST',
    body: JSON.stringify({ pool }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { status: string };
}

function inScope<T>(fn: () => T): { value: T; stop: () => void } {
  const scope = effectScope();
  const value = scope.run(fn) as T;
  return { value, stop: () => scope.stop() };
}

describe('useRestAction', () => {
  it('tracks pending, then the result', async () => {
    api.use(
      http.post(`${BASE}/api/ws/force-update`, async ({ request }) => {
        const body = (await request.json()) as { pool: string };
        return HttpResponse.json({ status: `updated ${body.pool}` });
      }),
    );
    const { value: action, stop } = inScope(() => useRestAction(forceUpdate));
    expect(action.pending.value).toBe(false);
    const call = action.run('web');
    expect(action.pending.value).toBe(true);
    await expect(call).resolves.toEqual({ status: 'updated web' });
    expect(action.pending.value).toBe(false);
    expect(action.data.value).toEqual({ status: 'updated web' });
    expect(action.error.value).toBeUndefined();
    stop();
  });

  it('puts a 4xx in error, resolves undefined, and keeps the previous data', async () => {
    let status = 200;
    api.use(
      http.post(`${BASE}/api/ws/force-update`, () =>
        status === 200
          ? HttpResponse.json({ status: 'ok' })
          : HttpResponse.json({ error: 'paused' }, { status }),
      ),
    );
    const { value: action, stop } = inScope(() => useRestAction(forceUpdate));
    await action.run('web');
    status = 409;
    await expect(action.run('web')).resolves.toBeUndefined();
    expect(action.error.value?.message).toBe('HTTP 409');
    expect(action.pending.value).toBe(false);
    expect(action.data.value).toEqual({ status: 'ok' });
    action.reset();
    expect(action.error.value).toBeUndefined();
    expect(action.data.value).toBeUndefined();
    stop();
  });

  it('puts a network error in error', async () => {
    api.use(http.post(`${BASE}/api/ws/force-update`, () => HttpResponse.error()));
    const { value: action, stop } = inScope(() => useRestAction(forceUpdate));
    await expect(action.run('web')).resolves.toBeUndefined();
    expect(action.error.value).toBeInstanceOf(TypeError);
    expect(action.pending.value).toBe(false);
    stop();
  });

  it('lets only the latest of overlapping calls write the refs', async () => {
    const gates = new Map<string, () => void>();
    let bothArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      bothArrived = resolve;
    });
    api.use(
      http.post(`${BASE}/api/ws/force-update`, async ({ request }) => {
        const { pool } = (await request.json()) as { pool: string };
        await new Promise<void>((resolve) => {
          gates.set(pool, resolve);
          if (gates.size === 2) bothArrived();
        });
        return HttpResponse.json({ status: pool });
      }),
    );
    const { value: action, stop } = inScope(() => useRestAction(forceUpdate));
    const slow = action.run('slow');
    const fast = action.run('fast');
    await arrived;
    gates.get('fast')!();
    await fast;
    expect(action.data.value).toEqual({ status: 'fast' });
    gates.get('slow')!();
    await slow;
    expect(action.data.value).toEqual({ status: 'fast' });
    expect(action.pending.value).toBe(false);
    stop();
  });

  it('writes nothing after its scope is disposed', async () => {
    let release!: () => void;
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    api.use(
      http.post(`${BASE}/api/ws/force-update`, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
          reached();
        });
        return HttpResponse.json({ status: 'late' });
      }),
    );
    const { value: action, stop } = inScope(() => useRestAction(forceUpdate));
    const call = action.run('web');
    await arrived;
    stop();
    release();
    await call;
    expect(action.data.value).toBeUndefined();
  });
});

describe('per-system REST composables (the same as React’s REST hooks)', () => {
  it('usePause calls the real VeloFlux helper through the provided client', async () => {
    let body: unknown;
    api.use(
      http.post(`${BASE}/api/ws/control`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          success: true,
          action: 'pause',
          type: 'backends',
          paused: { backends: true, metrics: false, status: false },
        });
      }),
    );
    const client = createClient({
      url: 'ws://veloflux.test',
      protocol: veloflux(),
      lifecycle: false,
    });
    const { value: pause, stop } = inScope(() => {
      provideClient(client);
      return usePause();
    });
    await pause.run('backends');
    expect(body).toEqual({ action: 'pause', type: 'backends' });
    expect(pause.data.value).toMatchObject({ paused: { backends: true } });
    stop();
    client.close();
  });

  it('useBroadcast takes its client as an argument, and reports a refusal as a rest error', async () => {
    api.use(
      http.post('http://plataforma.test/api/ws/broadcast', () =>
        HttpResponse.json({ detail: 'project not found' }, { status: 404 }),
      ),
    );
    const client = createClient({
      url: 'ws://plataforma.test',
      protocol: plataformaE(),
      lifecycle: false,
    });
    const { value: broadcast, stop } = inScope(() => useBroadcast(client));
    const result = await broadcast.run({
      event_type: 'notification',
      data: { title: 'Deploy', message: 'done' },
      project_id: 'PROJ-404',
    });
    expect(result).toBeUndefined();
    expect(broadcast.error.value).toMatchObject({ code: 'rest', status: 404 });
    stop();
    client.close();
  });
});
