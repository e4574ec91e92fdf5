import { callEndpoint, createHttp } from '@feedkit/client';
import { VeloFlux } from '@feedkit/protocol';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RestAction, useRestAction } from '../src/index';

const base = 'http://veloflux.test';
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mock.resetHandlers();
});
afterAll(() => mock.close());

// The client's own REST transport and the protocol's endpoint: only the network is mocked.
const rest = createHttp({ baseUrl: base, system: 'veloflux' });
const pause = (type: VeloFlux.UpdateTarget) =>
  callEndpoint(rest, VeloFlux.endpoints.control, [], { action: 'pause', type });

type Pause = RestAction<[type: VeloFlux.UpdateTarget], VeloFlux.ControlResponse>;

function PauseButton({ expose }: { expose?: (action: Pause) => void }) {
  const action = useRestAction(pause);
  expose?.(action);
  return (
    <div>
      <button type="button" onClick={() => action.run('backends')} disabled={action.pending}>
        {action.pending ? 'pausing' : 'pause'}
      </button>
      <p>{action.error ? `error: ${action.error.message}` : 'no error'}</p>
      <p>{action.data ? `paused backends: ${action.data.paused.backends}` : 'no data'}</p>
      <button type="button" onClick={action.reset}>
        reset
      </button>
    </div>
  );
}

const paused = (type: VeloFlux.UpdateTarget) => ({
  success: true,
  action: 'pause',
  type,
  paused: { backends: true, metrics: false, status: false },
});

describe('useRestAction', () => {
  it('success: pending while in flight, then data', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    mock.use(
      http.post(`${base}/api/ws/control`, async ({ request }) => {
        const body = (await request.json()) as { type: VeloFlux.UpdateTarget };
        await gate;
        return HttpResponse.json(paused(body.type));
      }),
    );
    render(<PauseButton />);
    fireEvent.click(screen.getByText('pause'));
    expect(await screen.findByText('pausing')).toBeTruthy();
    release();
    expect(await screen.findByText('paused backends: true')).toBeTruthy();
    expect(screen.getByText('pause')).toBeTruthy();
    expect(screen.getByText('no error')).toBeTruthy();
  });

  it('4xx: the error carries the status and the server message; reset clears it', async () => {
    mock.use(
      http.post(`${base}/api/ws/control`, () =>
        HttpResponse.json({ error: "unknown type 'nope'" }, { status: 400 }),
      ),
    );
    render(<PauseButton />);
    fireEvent.click(screen.getByText('pause'));
    expect(
      await screen.findByText("error: POST /api/ws/control: HTTP 400: unknown type 'nope'"),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('reset'));
    expect(await screen.findByText('no error')).toBeTruthy();
  });

  it('network error: a typed rest error, and run resolves instead of rejecting', async () => {
    mock.use(http.post(`${base}/api/ws/control`, () => HttpResponse.error()));
    let action: Pause | undefined;
    render(<PauseButton expose={(a) => (action = a)} />);
    let result: unknown = 'not run';
    await act(async () => {
      result = await action?.run('all');
    });
    expect(result).toBeUndefined();
    expect(action?.error).toMatchObject({ code: 'rest', system: 'veloflux' });
    expect(screen.getByText(/^error: POST \/api\/ws\/control: network error/)).toBeTruthy();
  });

  it('a response that does not match the schema is an error, not data', async () => {
    mock.use(http.post(`${base}/api/ws/control`, () => HttpResponse.json({ success: 'yes' })));
    render(<PauseButton />);
    fireEvent.click(screen.getByText('pause'));
    expect(await screen.findByText(/does not match the schema/)).toBeTruthy();
    expect(screen.getByText('no data')).toBeTruthy();
  });

  it('overlapping calls: the state shows the latest one', async () => {
    const gates = new Map<string, () => void>();
    mock.use(
      http.post(`${base}/api/ws/control`, async ({ request }) => {
        const body = (await request.json()) as { type: VeloFlux.UpdateTarget };
        await new Promise<void>((resolve) => gates.set(body.type, resolve));
        return HttpResponse.json({
          ...paused(body.type),
          paused: { backends: body.type === 'backends', metrics: false, status: false },
        });
      }),
    );
    let action: Pause | undefined;
    render(<PauseButton expose={(a) => (action = a)} />);
    let first: Promise<unknown> = Promise.resolve();
    let second: Promise<unknown> = Promise.resolve();
    act(() => {
      first = action!.run('backends');
      second = action!.run('metrics');
    });
    await expect.poll(() => gates.size).toBe(2);
    await act(async () => {
      gates.get('metrics')?.();
      await second;
    });
    expect(screen.getByText('paused backends: false')).toBeTruthy();
    await act(async () => {
      gates.get('backends')?.();
      await first;
    });
    // The older call finished last but does not overwrite the newer result.
    expect(screen.getByText('paused backends: false')).toBeTruthy();
  });
});
