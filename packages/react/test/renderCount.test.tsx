import { type FeedkitClient, veloflux } from '@feedkit/client';
import type { VeloFlux } from '@feedkit/protocol';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedkitProvider } from '../src/index';
import { useBackends } from '../src/systems/veloflux';
import { liveClient, startQuietServer } from './support/live';

const ROWS = 1000;
const address = (i: number) => `10.0.${Math.floor(i / 250)}.${i % 250}:8080`;
const addresses = Array.from({ length: ROWS }, (_, i) => address(i));

const backend = (i: number, connections: number): VeloFlux.Backend => ({
  address: address(i),
  pool: `pool-${i % 10}`,
  weight: 100,
  status: 'healthy',
  healthy: true,
  connections,
  last_used: '2025-06-20T15:30:45Z',
  region: 'us-east-1',
  health_check: { path: '/health', interval: '30s', timeout: '5s', expected_status: 200 },
});

/** A fresh message: every backend is a new object, as it is after JSON.parse on the client. */
const backendStatus = (connectionsOf: (i: number) => number): VeloFlux.BackendStatusMessage => ({
  type: 'backend_status',
  backends: addresses.map((_, i) => backend(i, connectionsOf(i))),
  timestamp: new Date().toISOString(),
  forced: false,
});

/** What a row shows; two backends that show the same are equal for this component. */
const sameBackend = (a: VeloFlux.Backend | undefined, b: VeloFlux.Backend | undefined) =>
  a?.status === b?.status && a?.healthy === b?.healthy && a?.connections === b?.connections;

const renders = new Map<string, number>();
const rendered = () => [...renders.entries()].filter(([, n]) => n > 0).map(([a]) => a);

function BackendRow({ address, compare }: { address: string; compare: boolean }) {
  const b = useBackends({
    select: (m) => m.backends.find((x) => x.address === address),
    isEqual: compare ? sameBackend : undefined,
  });
  renders.set(address, (renders.get(address) ?? 0) + 1);
  return <li>{b ? `${address} ${b.status} ${b.connections}` : `${address} waiting`}</li>;
}

let server: ReferenceServer;
let client: FeedkitClient<ReturnType<typeof veloflux>>;
beforeEach(async () => {
  server = await startQuietServer();
  client = liveClient(server, veloflux());
  renders.clear();
});
afterEach(async () => {
  cleanup();
  client.close();
  await server.stop();
});

async function mountRows(compare: boolean) {
  render(
    <FeedkitProvider client={client}>
      <ul>
        {addresses.map((a) => (
          <BackendRow key={a} address={a} compare={compare} />
        ))}
      </ul>
    </FeedkitProvider>,
  );
  await server.waitForConnections((cs) => cs.some((c) => c.path === '/api/ws/backends'));
  server.emit(
    'veloflux',
    backendStatus(() => 0),
  );
  // Every row updates in the same commit, so the last one showing data means all do.
  await screen.findByText(`${address(ROWS - 1)} healthy 0`);
  renders.clear();
}

describe(`render counts: ${ROWS} rows, each selecting one backend`, () => {
  it('one backend changes: exactly that row re-renders', async () => {
    await mountRows(true);
    server.emit(
      'veloflux',
      backendStatus((i) => (i === 500 ? 7 : 0)),
    );
    await screen.findByText(`${address(500)} healthy 7`);
    expect(rendered()).toEqual([address(500)]);
    expect(renders.get(address(500))).toBe(1);

    renders.clear();
    server.emit(
      'veloflux',
      backendStatus((i) => (i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    await screen.findByText(`${address(999)} healthy 1`);
    expect(rendered().sort()).toEqual([address(3), address(999)].sort());

    renders.clear();
    // Same content, all-new objects: nothing re-renders.
    server.emit(
      'veloflux',
      backendStatus((i) => (i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    server.emit(
      'veloflux',
      backendStatus((i) => (i === 0 ? 5 : i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    await screen.findByText(`${address(0)} healthy 5`);
    expect(rendered()).toEqual([address(0)]);
  });

  it('the counter counts: with the default Object.is, new objects re-render every row', async () => {
    await mountRows(false);
    server.emit(
      'veloflux',
      backendStatus((i) => (i === 500 ? 7 : 0)),
    );
    await screen.findByText(`${address(500)} healthy 7`);
    expect(rendered()).toHaveLength(ROWS);
  });
});
