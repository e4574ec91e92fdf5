import { type FeedkitClient, veloflux } from '@feedkit/client';
import type { ReferenceServer } from '@feedkit/reference-server';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FLEET_SIZE,
  fleetAddress,
  fleetBackendStatus,
  sameBackend,
} from '../../protocol/fixtures/backendFleet';
import { FeedkitProvider } from '../src/index';
import { useBackends } from '../src/systems/veloflux';
import { liveClient, startQuietServer } from './support/live';

const addresses = Array.from({ length: FLEET_SIZE }, (_, i) => fleetAddress(i));

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
    fleetBackendStatus(() => 0),
  );
  // Every row updates in the same commit, so the last one showing data means all do.
  await screen.findByText(`${fleetAddress(FLEET_SIZE - 1)} healthy 0`);
  renders.clear();
}

describe(`render counts: ${FLEET_SIZE} rows, each selecting one backend`, () => {
  it('one backend changes: exactly that row re-renders', async () => {
    await mountRows(true);
    server.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 500 ? 7 : 0)),
    );
    await screen.findByText(`${fleetAddress(500)} healthy 7`);
    expect(rendered()).toEqual([fleetAddress(500)]);
    expect(renders.get(fleetAddress(500))).toBe(1);

    renders.clear();
    server.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    await screen.findByText(`${fleetAddress(999)} healthy 1`);
    expect(rendered().sort()).toEqual([fleetAddress(3), fleetAddress(999)].sort());

    renders.clear();
    // Same content, all-new objects: nothing re-renders.
    server.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    server.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 0 ? 5 : i === 500 ? 7 : i === 3 || i === 999 ? 1 : 0)),
    );
    await screen.findByText(`${fleetAddress(0)} healthy 5`);
    expect(rendered()).toEqual([fleetAddress(0)]);
  });

  it('the counter counts: with the default Object.is, new objects re-render every row', async () => {
    await mountRows(false);
    server.emit(
      'veloflux',
      fleetBackendStatus((i) => (i === 500 ? 7 : 0)),
    );
    await screen.findByText(`${fleetAddress(500)} healthy 7`);
    expect(rendered()).toHaveLength(FLEET_SIZE);
  });
});
