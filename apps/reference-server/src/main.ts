/**
 * `pnpm server`: the reference server on PORT (default 8080), for demos and
 * manual testing. The only place that reads the environment: PORT, HOST,
 * TIME_SCALE, SEED, DRIFT, HELIOS_TOKEN_TTL, TAKHIN_API_KEY,
 * TAKHIN_API_KEY_QUERY, WEBSOCKET_MAX_CONNECTIONS.
 */
import type { DriftOptions } from './drift/DriftOptions';
import { startReferenceServer } from './index';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) fail(`${name}=${raw} is not a number`);
  return value;
}

/** DRIFT=1 (or true) turns drift on with its default rates; DRIFT=0.5 sets the rate. */
function driftFromEnv(): boolean | DriftOptions {
  const raw = (process.env.DRIFT ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'off') return false;
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  const rate = Number(raw);
  if (!(rate > 0 && rate <= 1)) fail(`DRIFT=${raw}: use 1 (on), 0 (off) or a rate in (0, 1]`);
  return { rate };
}

const server = await startReferenceServer({
  port: numberFromEnv('PORT') ?? 8080,
  host: process.env.HOST || '127.0.0.1',
  timeScale: numberFromEnv('TIME_SCALE') ?? 1,
  seed: numberFromEnv('SEED'),
  drift: driftFromEnv(),
  heliosTokenTtlSeconds: numberFromEnv('HELIOS_TOKEN_TTL'),
  takhinApiKey: process.env.TAKHIN_API_KEY || undefined,
  takhinApiKeyQuery: process.env.TAKHIN_API_KEY_QUERY || undefined,
  maxConnections: numberFromEnv('WEBSOCKET_MAX_CONNECTIONS'),
});

console.log(server.describe());

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing every socket and stopping`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
