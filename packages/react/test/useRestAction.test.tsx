import { createClient, helios, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedkitProvider, type RestAction } from '../src/index';
import { useLogin } from '../src/systems/helios';
import { usePause } from '../src/systems/veloflux';

const base = 'http://veloflux.test';
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  mock.resetHandlers();
});
afterAll(() => mock.close());

// The real client and its REST helpers; only the network is mocked. REST needs no socket.
const client = createClient({ url: 'ws://veloflux.test', protocol: veloflux(), lifecycle: false });

type Pause = RestAction<[type?: VeloFlux.UpdateTarget], VeloFlux.ControlResponse>;

function PauseControl({ expose }: { expose?: (action: Pause) => void }) {
  const action = usePause();
  expose?.(action);
  return (
    <div>
      <button type="button" onClick={() => action.run('backends')} disabled={action.pending}>
        {action.pending ? 'pausing' : 'pause'}
      </button>
      <p>{action.error ? `error: ${action.error.message}` : 'no error'}</p>
      <p>{action.data ? `paused backends: ${pausedBackends(action.data)}` : 'no data'}</p>
      <button type="button" onClick={action.reset}>
        reset
      </button>
    </div>
  );
}

/** The seed shows no body for `control`, so the helper types it `unknown`; the test reads the reference server's. */
function pausedBackends(data: unknown): string {
  const paused = (data as { paused?: { backends?: unknown } } | null)?.paused;
  return String(paused?.backends);
}

function PauseButton(props: { expose?: (action: Pause) => void }) {
  return (
    <FeedkitProvider client={client}>
      <PauseControl {...props} />
    </FeedkitProvider>
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

  it('a body the seed does not show is data, whatever its shape', async () => {
    mock.use(http.post(`${base}/api/ws/control`, () => HttpResponse.json({ success: 'yes' })));
    render(<PauseButton />);
    fireEvent.click(screen.getByText('pause'));
    expect(await screen.findByText('paused backends: undefined')).toBeTruthy();
    expect(screen.getByText('no error')).toBeTruthy();
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

const heliosClient = createClient({
  url: 'ws://helios.test',
  protocol: helios(),
  lifecycle: false,
});

function Login() {
  const login = useLogin();
  return (
    <div>
      <button type="button" onClick={() => login.run({ username: 'admin', password: 'pw' })}>
        sign in
      </button>
      <p>{login.data ? `role: ${login.data.role}` : (login.error?.message ?? 'signed out')}</p>
    </div>
  );
}

describe('useLogin (Helios)', () => {
  const app = (
    <FeedkitProvider client={heliosClient}>
      <Login />
    </FeedkitProvider>
  );

  it('success returns the token response', async () => {
    mock.use(
      http.post('http://helios.test/api/auth/login', () =>
        HttpResponse.json({ token: 'jwt.x.y', role: 'admin' }),
      ),
    );
    render(app);
    fireEvent.click(screen.getByText('sign in'));
    expect(await screen.findByText('role: admin')).toBeTruthy();
  });

  it('a response that does not match the schema is an error, not data', async () => {
    mock.use(
      http.post('http://helios.test/api/auth/login', () => HttpResponse.json({ token: 42 })),
    );
    render(app);
    fireEvent.click(screen.getByText('sign in'));
    expect(await screen.findByText(/does not match the schema/)).toBeTruthy();
  });

  it('401 is an error with the server message', async () => {
    mock.use(
      http.post('http://helios.test/api/auth/login', () =>
        HttpResponse.json({ error: 'invalid credentials' }, { status: 401 }),
      ),
    );
    render(app);
    fireEvent.click(screen.getByText('sign in'));
    expect(
      await screen.findByText('POST /api/auth/login: HTTP 401: invalid credentials'),
    ).toBeTruthy();
  });
});
