import { buildDashboard } from '../../scripts/serveDashboard';

/** Vitest global setup: one production build of the page for every browser test file. */
export async function setup(): Promise<void> {
  await buildDashboard();
}
