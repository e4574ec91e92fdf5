/**
 * `pnpm demo`: builds the dashboard, starts the reference server (port 8080,
 * or PORT) and serves the page (5173, or DASHBOARD_PORT) in this one
 * process, prints the URL, and stops both on Ctrl-C. Ports are checked
 * first: a port set in the environment that is busy stops the demo with a
 * one-line hint; a busy default gives way to a free port, which is printed.
 * In a terminal, `k` takes the server down for 10 s (the port really
 * closes) so you can watch every connection badge go to "reconnecting" and
 * every feed come back.
 */
import { emitKeypressEvents } from 'node:readline';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import { choosePort, type PortSetting } from './choosePort';
import { isPortFree } from './isPortFree';
import { buildDashboard, previewDashboard } from './serveDashboard';

const HOST = '127.0.0.1';
const OUTAGE_MS = 10_000;

/** Ends the demo with one line on stderr: no stack trace for a problem the user can fix. */
function fail(message: string): never {
  console.error(`feedkit demo: ${message}`);
  process.exit(1);
}

async function portFor(setting: PortSetting): Promise<number> {
  const choice = await choosePort(setting, (port) => isPortFree(port, HOST));
  if (choice.kind === 'refuse') fail(choice.message);
  if (choice.note) console.log(choice.note);
  return choice.port;
}

const port = await portFor({ variable: 'PORT', value: process.env.PORT, fallback: 8080 });
const dashboardPort = await portFor({
  variable: 'DASHBOARD_PORT',
  value: process.env.DASHBOARD_PORT,
  fallback: 5173,
});

console.log('building the dashboard…');
await buildDashboard();
let server: ReferenceServer;
let page: Awaited<ReturnType<typeof previewDashboard>>;
try {
  server = await startReferenceServer({ port, host: HOST });
  page = await previewDashboard({ target: server.url, port: dashboardPort });
} catch (error) {
  // Taken between the check and now.
  const code = (error as { code?: string }).code;
  fail(
    code === 'EADDRINUSE'
      ? 'a port became busy while the demo started: run it again (PORT and DASHBOARD_PORT choose the ports)'
      : String((error as Error).message ?? error),
  );
}

console.log(`\n${server.describe()}\n`);
console.log(`  Dashboard:  ${page.url}`);
console.log(`  Helios login: admin / admin123 (viewer / viewer123 is refused the cluster feed)`);
// Started through `npx pnpm@…` (pnpm not installed), the CLI hint says the same.
const pnpm = /\bnpx\b|_npx/.test(process.env.npm_execpath ?? '') ? 'npx pnpm@12.21.0' : 'pnpm';
console.log(`  CLI:        ${pnpm} feedkit tail takhin metrics --url ${server.url}`);
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
  console.log('stopped: the server and the page are closed.');
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
