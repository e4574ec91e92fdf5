import { plataformaE, takhin } from '@feedkit/client';
import { startReferenceServer } from '@feedkit/reference-server';
import { describe, expect, it } from 'vitest';
import { collectErrors, next } from './support/next';
import { inFront, proxies } from './support/proxies';
import { useDeployment } from './support/useDeployment';

const deployment = useDeployment();

describe.each(proxies)('%s while its upstream is down', (name, start) => {
  it('answers 502/503: the error names the status, the client retries, and recovers when the upstream is back', async () => {
    const { wsUrl } = await inFront(deployment, start);
    const port = deployment.server.port;
    const client = deployment.client(takhin(), { url: wsUrl });
    const errors = collectErrors(client);
    const metrics = client.feed('metrics');
    const sub = metrics.subscribe();
    await next(metrics);
    await deployment.server.stop();

    const refused = await next(client.errors$, (e) => e.status !== undefined);
    const status = name === 'nginx' ? 502 : 503;
    expect(refused).toMatchObject({ code: 'connection', status, fatal: false });
    expect(refused.message).toMatch(new RegExp(`upgrade refused: HTTP ${status}`));
    // Retried, still refused by the proxy, never fatal.
    await next(client.state$, (s) => s.status === 'reconnecting' && s.attempt >= 3);

    const back = await startReferenceServer({ port, timeScale: 0.01, seed: 1, simulate: false });
    deployment.defer(() => back.stop());
    await next(client.state$, (s) => s.status === 'open');
    expect((await next(metrics)).type).toBe('metrics');
    sub.unsubscribe();
    expect(errors.every((e) => !e.fatal)).toBe(true);
  });

  it('a REST call gets a rest error with the status', async () => {
    const { wsUrl } = await inFront(deployment, start);
    const client = deployment.client(plataformaE(), { url: wsUrl });
    await deployment.server.stop();
    const status = name === 'nginx' ? 502 : 503;
    await expect(client.rest.stats()).rejects.toMatchObject({ code: 'rest', status });
  });
});
