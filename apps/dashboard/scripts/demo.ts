/**
 * `pnpm demo`: builds the dashboard, starts the reference server (port 8080,
 * or PORT) and serves the page (5173, or DASHBOARD_PORT) in this one
 * process, prints the URL, and stops both on Ctrl-C. In a terminal, `k` takes
 * the server down for 10 s (the port really closes) so you can watch every
 * connection badge go to "reconnecting" and every feed come back.
 */
import { emitKeypressEvents } from 'node:readline';
import { startReferenceServer } from '@feedkit/reference-server';
import { buildDashboard, previewDashboard } from './serveDashboard';

const port = Number(process.env.PORT ?? 8080);
const dashboardPort = Number(process.env.DASHBOARD_PORT ?? 5173);

console.log('building the dashboard…');
await buildDashboard();
const server = await startReferenceServer({ port, host: '127.0.0.1' });
const page = await previewDashboard({ target: server.url, port: dashboardPort });

console.log(`\n${server.describe()}\n`);
console.log(`  Dashboard:  ${page.url}`);
console.log(`  Helios login: admin / admin123`);
console.log(`  CLI:        pnpm feedkit tail takhin metrics --url ${server.url}`);
const OUTAGE_MS = 10_000;
let down = false;
async function outage() {
  if (down) return;
  down = true;
  console.log(
    `\nreference server down for ${OUTAGE_MS / 1000} s: watch the badges say "reconnecting"…`,
  );
  await server.restart({ downtimeMs: OUTAGE_MS });
  console.log('reference server back: every feed resubscribes and data flows again.');
  down = false;
}

if (process.stdin.isTTY) {
  // One key, no Enter: the first minute of the demo is "kill it and watch it recover".
  emitKeypressEvents(process.stdin);
  process.stdin.setRawMode(true);
  process.stdin.on('keypress', (_text, key: { name?: string; ctrl?: boolean }) => {
    if (key.name === 'k') void outage();
    else if (key.name === 'q' || (key.ctrl && key.name === 'c')) void shutdown();
  });
  console.log(
    `\nPress k to kill the reference server for ${OUTAGE_MS / 1000} s, q or Ctrl-C to stop.`,
  );
} else {
  console.log('\nPress Ctrl-C to stop.');
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  await page.close();
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
