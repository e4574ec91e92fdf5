import { type FeedkitError, plataformaE, veloflux } from '@feedkit/client';
import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { collectErrors } from './support/next';
import { inFront, proxies } from './support/proxies';
import { useDeployment } from './support/useDeployment';

const deployment = useDeployment();

/** The proxy lets through only requests that carry the gateway's key. */
const requireHeader = { name: 'X-Gateway-Key', value: 'k-7f3a' };

describe.each(proxies)('%s requiring a gateway header', (_name, start) => {
  it('the headers option carries it on the upgrade and on REST', async () => {
    const { wsUrl } = await inFront(deployment, start, { requireHeader });
    const client = deployment.client(plataformaE(), {
      url: wsUrl,
      headers: { [requireHeader.name]: requireHeader.value },
    });
    const errors = collectErrors(client);
    const sub = client.feed('project', 'PROJ-001').subscribe();
    await deployment.server.waitForConnections((cs) =>
      cs.some((c) => c.subscriptions.length === 1),
    );
    expect((await client.rest.stats()).connections_per_project).toEqual({ 'PROJ-001': 1 });
    sub.unsubscribe();
    expect(errors).toEqual([]);
  });

  it('without it the upgrade is refused with 401, and the error points at the proxy', async () => {
    const { wsUrl } = await inFront(deployment, start, { requireHeader });
    const client = deployment.client(veloflux(), { url: wsUrl });
    const errors = firstValueFrom(client.errors$.pipe(take(2), toArray()));
    let sub: { unsubscribe(): void } | undefined;
    const failed = new Promise<unknown>((resolve) => {
      sub = client.feed('status').subscribe({ error: resolve });
    });
    const [refused, fatal] = (await errors) as FeedkitError[];
    await failed;
    sub?.unsubscribe();
    // Headers do not change between attempts: the second refusal in a row is fatal and says what to pass.
    expect(fatal).toMatchObject({ code: 'auth', status: 401, fatal: true });
    expect(fatal?.message).toMatch(/`headers` option/);
    // VeloFlux takes no credentials, so a 401 can only come from something in front of it.
    expect(refused).toMatchObject({ code: 'connection', status: 401, fatal: false });
    expect(refused?.message).toMatch(
      /HTTP 401 \(this system takes no credentials: a proxy in front of it\?\)/,
    );
  });

  it('a REST call without it fails with status 401', async () => {
    const { wsUrl } = await inFront(deployment, start, { requireHeader });
    const client = deployment.client(plataformaE(), { url: wsUrl });
    await expect(client.rest.stats()).rejects.toMatchObject({ code: 'rest', status: 401 });
  });
});
