import { plataformaE } from '@feedkit/client';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from '../../src/faults/FaultProxy';
import { useDeployment } from '../support/useDeployment';

const deployment = useDeployment();

/** A short deadline where the deadline is the subject; the default where the answer is. */
async function restThroughProxy(requestTimeoutMs = 500) {
  const proxy = await FaultProxy.start(deployment.server.port);
  deployment.defer(() => proxy.close());
  const client = deployment.client(plataformaE(), { url: proxy.wsUrl, requestTimeoutMs });
  return { proxy, client };
}

describe('REST calls through the fault proxy', () => {
  it('latency and 1-byte segments: the answer arrives intact', async () => {
    const { proxy, client } = await restThroughProxy(10_000);
    Object.assign(proxy.faults, { latencyMs: 50, oneByteSegments: true });
    expect(await client.rest.stats()).toMatchObject({ connections_per_project: {} });
  });

  it('a black hole: a rest error that names the timeout, within requestTimeoutMs', async () => {
    const { proxy, client } = await restThroughProxy();
    proxy.faults.blackHoleToServer = true;
    await expect(client.rest.stats()).rejects.toMatchObject({
      code: 'rest',
      message: expect.stringMatching(/no answer within 500 ms \(timeout\)/),
    });
  });

  it('a reset before the answer: a rest error that names the network failure', async () => {
    const { proxy, client } = await restThroughProxy();
    const connection = proxy.nextConnection();
    const call = client.rest.stats();
    // Half of the response's first chunk, then a reset.
    await (await connection).toClient.cutNext(50);
    await expect(call).rejects.toMatchObject({
      code: 'rest',
      message: expect.stringMatching(/network error \(ECONNRESET: read ECONNRESET/),
      cause: { cause: { code: 'ECONNRESET' } },
    });
  });
});
