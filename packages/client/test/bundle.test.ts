import { describe, expect, it } from 'vitest';
import { browserBundle } from '../../protocol/bench/browserBundle';
import { bundleSuite } from '../../protocol/test/bundleSuite';
import {
  clientEntry,
  clientShareEntry,
  clientShareFigure,
  clientSystemFigure,
  clientSystems,
  shareMarkers,
} from '../bench/bundle';
import budgets from '../bundle-budget.json';

// Measured from the built packages, as users get them: turbo's test runs `pnpm build` first.
bundleSuite(
  'one-system client bundle (esbuild, browser, minified, gzip -9, from dist)',
  new URL('../dist/systems/takhin.js', import.meta.url),
  async () => [
    ...(await Promise.all(clientSystems.map(clientSystemFigure))),
    await clientShareFigure(),
  ],
  budgets,
);

const benchDir = new URL('../bench', import.meta.url).pathname;
const shareCode = (code: string) => shareMarkers.filter((marker) => code.includes(marker));

describe('the share code is only in bundles that import @feedkit/client/share', () => {
  it.each(clientSystems)('@feedkit/client/%s without share carries none of it', async (system) => {
    const { code } = await browserBundle(clientEntry(system), benchDir);
    expect(shareCode(code)).toEqual([]);
  });

  it('with tabs() from @feedkit/client/share it is there (the markers find it)', async () => {
    const { code } = await browserBundle(clientShareEntry('takhin'), benchDir);
    expect(shareCode(code)).toEqual(shareMarkers);
  });
});
