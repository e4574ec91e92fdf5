/**
 * `pnpm server`: the reference server on PORT (default 8080), for demos and
 * manual testing. Environment: PORT, HOST, TIME_SCALE, SEED, HELIOS_TOKEN_TTL,
 * TAKHIN_API_KEY, WEBSOCKET_MAX_CONNECTIONS.
 */
import { startReferenceServer } from './index';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    console.error(`${name}=${raw} is not a number`);
    process.exit(2);
  }
  return value;
}

const server = await startReferenceServer({
  port: numberFromEnv('PORT') ?? 8080,
  host: process.env.HOST ?? '127.0.0.1',
  timeScale: numberFromEnv('TIME_SCALE') ?? 1,
  seed: numberFromEnv('SEED'),
  // Read here only: the library itself never looks at the environment.
  heliosTokenTtlSeconds: numberFromEnv('HELIOS_TOKEN_TTL'),
  takhinApiKey: process.env.TAKHIN_API_KEY || undefined,
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
