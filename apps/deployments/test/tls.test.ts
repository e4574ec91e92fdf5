import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helios, takhin } from '@feedkit/client';
import { filter, merge } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Certificates, generateCertificates } from '../src/generateCertificates';
import { startHaproxy } from '../src/startHaproxy';
import { startNginx } from '../src/startNginx';
import { collectErrors, next } from './support/next';
import { useDeployment } from './support/useDeployment';

const deployment = useDeployment();
let certificates: Certificates;
let certificateDir: string;
beforeAll(async () => {
  certificateDir = await mkdtemp(join(tmpdir(), 'feedkit-ca-'));
  certificates = await generateCertificates(certificateDir);
});
afterAll(() => rm(certificateDir, { recursive: true, force: true }));

describe.each([
  ['nginx', startNginx],
  ['haproxy', startHaproxy],
] as const)('TLS terminated by %s with a private CA made by openssl', (_name, start) => {
  async function tlsProxy() {
    const tls = certificates;
    const proxy = await start(deployment.dir, { upstreamPort: deployment.server.port, tls });
    deployment.defer(() => proxy.stop());
    return { tls, url: `wss://127.0.0.1:${proxy.port}` };
  }

  it('a client given the CA gets data', async () => {
    const { tls, url } = await tlsProxy();
    const client = deployment.client(takhin(), { url, tls: { ca: tls.ca } });
    const metrics = await client.feed('metrics').first();
    expect(metrics.type).toBe('metrics');
    expect(client.state.connections[0]?.url).toMatch(/^wss:/);
  });

  it('without the CA the error names the certificate problem, advises tls.ca, and is retried', async () => {
    const { url } = await tlsProxy();
    const client = deployment.client(takhin(), { url });
    const errors = collectErrors(client);
    const sub = client.feed('metrics').subscribe();
    const reconnecting = await next(client.state$, (s) => s.attempt >= 2);
    sub.unsubscribe();
    expect(reconnecting.reason).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|unable to get local issuer/,
    );
    const [first] = errors;
    expect(first).toMatchObject({ code: 'connection', fatal: false });
    expect(first?.message).toMatch(/not signed by a trusted CA; pass the CA as `tls: \{ ca \}`/);
    expect(first?.cause).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('rejectUnauthorized: false is honoured', async () => {
    const { url } = await tlsProxy();
    const client = deployment.client(takhin(), { url, tls: { rejectUnauthorized: false } });
    expect((await client.feed('metrics').first()).type).toBe('metrics');
  });

  it('without the CA the Helios login (REST) names the certificate problem and advises tls.ca', async () => {
    const { url } = await tlsProxy();
    const client = deployment.client(helios({ username: 'admin', password: 'admin123' }), { url });
    const error = next(client.errors$);
    const sub = client.feed('status').subscribe();
    const first = await error;
    sub.unsubscribe();
    expect(first.fatal).toBe(false);
    expect(first.message).toMatch(/POST \/api\/auth\/login: .*UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    expect(first.message).toMatch(/tls: \{ ca \}/);
  });

  it('Helios logs in over https with the same CA (REST), then opens its socket', async () => {
    const { tls, url } = await tlsProxy();
    const client = deployment.client(helios({ username: 'admin', password: 'admin123' }), {
      url,
      tls: { ca: tls.ca },
    });
    const outcome = next(
      merge(client.state$.pipe(filter((s) => s.status === 'open')), client.errors$),
    );
    const sub = client.feed('status').subscribe();
    const first = await outcome;
    sub.unsubscribe();
    expect(first).toMatchObject({ status: 'open' });
  });
});

describe('a self-signed server certificate (nginx serving the CA certificate itself)', () => {
  it('the error names DEPTH_ZERO_SELF_SIGNED_CERT; trusted, its missing host name is named next', async () => {
    const selfSigned = {
      ...certificates,
      certFile: join(certificateDir, 'ca.crt'),
      keyFile: join(certificateDir, 'ca.key'),
    };
    const proxy = await startNginx(deployment.dir, {
      upstreamPort: deployment.server.port,
      tls: selfSigned,
    });
    deployment.defer(() => proxy.stop());
    const url = `wss://localhost:${proxy.port}`;
    const refused = deployment.client(takhin(), { url });
    const error = next(refused.errors$);
    const sub = refused.feed('metrics').subscribe();
    const first = await error;
    sub.unsubscribe();
    expect(first).toMatchObject({ code: 'connection', fatal: false });
    expect(first.cause).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(first.message).toMatch(
      /self-signed; pass its certificate as the `tls: \{ ca \}` option/,
    );
  });
});
