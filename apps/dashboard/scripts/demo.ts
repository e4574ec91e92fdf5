/**
 * `pnpm demo`: builds the dashboard, starts the reference server (port 8080,
 * or PORT) and serves the page (5173, or DASHBOARD_PORT) in this one
 * process, prints the URL, and stops both on Ctrl-C.
 */
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
console.log('\nPress Ctrl-C to stop.');

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await page.close();
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
