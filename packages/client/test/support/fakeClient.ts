import { afterEach, beforeEach, vi } from 'vitest';
import {
  type ClientOptions,
  createClient,
  type FeedkitError,
  type Protocol,
  takhin,
} from '../../src/index';
import { FakeWebSocket } from './FakeWebSocket';
import { takhinMetrics } from './takhinMetrics';

export const PATH = '/api/monitoring/ws';
export const metricsFrame = JSON.stringify(takhinMetrics());

/** A Takhin client on FakeWebSocket (the test plays its server), with every error it reports collected. */
export function make<P extends Protocol = ReturnType<typeof takhin>>(
  options: Partial<ClientOptions<P>> = {},
) {
  const client = createClient({
    url: 'ws://fake.test',
    protocol: takhin(),
    WebSocket: FakeWebSocket,
    lifecycle: false,
    heartbeat: false,
    backoff: (attempt: number) => attempt * 1000,
    ...options,
  } as ClientOptions<P>);
  const errors: FeedkitError[] = [];
  client.errors$.subscribe((e) => errors.push(e));
  return { client, errors };
}

/** Lets the async connect (token provider) run. */
export const tick = () => vi.advanceTimersByTimeAsync(0);

/** Fake timers at a fixed time and a fresh FakeWebSocket for every test of the calling file. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_704_225_600_000);
    FakeWebSocket.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
