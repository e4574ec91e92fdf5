// Bundled by esbuild from the BUILT per-system entries for the strict-CSP
// browser test: each system's client as a page would import it, exposed on
// `window` for page.evaluate.
import { activeImmuneCore } from '@feedkit/client/active-immune-core';
import { helios } from '@feedkit/client/helios';
import { plataformaE } from '@feedkit/client/plataforma-e';
import { createClient, takhin } from '@feedkit/client/takhin';
import { veloflux } from '@feedkit/client/veloflux';

Object.assign(globalThis, {
  feedkit: {
    createClient,
    activeImmuneCore,
    helios,
    plataformaE,
    takhin,
    veloflux,
    /** The first message type each system's feed decoded, by system. */
    seen: {} as Record<string, string>,
  },
});
