import { Takhin } from '@feedkit/protocol';
import { type ReferenceServer, startReferenceServer } from '../../src/index';
import { TestClient } from './TestClient';

export const TAKHIN = Takhin.TAKHIN_PATH;
export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const isType = (type: string) => (m: Record<string, unknown>) => m.type === type;

const servers: ReferenceServer[] = [];
/** Starts a reference server that `stopServers` (each file's `afterEach`) stops. */
export async function start(options: Parameters<typeof startReferenceServer>[0] = {}) {
  const server = await startReferenceServer(options);
  servers.push(server);
  return server;
}
export async function stopServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
}

/**
 * A clock made of events: `n` metrics from an unfrozen server ticking every
 * 20 ms. Used to let time pass without sleeping.
 */
export async function ticks(n: number): Promise<void> {
  const metronome = await start({ timeScale: 0.01, simulate: false });
  const client = await TestClient.open(`${metronome.wsUrl}${TAKHIN}`);
  await client.collect(n, isType('metrics'));
  await client.close();
}
