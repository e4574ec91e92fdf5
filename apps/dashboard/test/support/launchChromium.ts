import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium; CI installs it (`.ci/run`). Nothing here downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: `artifacts/screenshots/` at the repository root (CI keeps it). */
export const SCREENSHOTS = fileURLToPath(
  new URL('../../../../artifacts/screenshots/', import.meta.url),
);

/**
 * Headless Chromium with the flags that keep it quiet and offline. Fails
 * with instructions, never skips, when the browser is missing.
 */
export async function launchChromium(
  extra: Pick<LaunchOptions, 'ignoreDefaultArgs'> = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Headless Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's package: ` +
        `run 'apt-get install chromium' (CI's .ci/run does), or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    ...extra,
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
