import { createClient, veloflux } from '@feedkit/client/veloflux';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PythonServer, startPythonServer } from './pythonServer';
import { describeErrors, errorsOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';

let server: PythonServer;

beforeAll(async () => {
  server = await startPythonServer('veloflux');
});
afterAll(() => server?.stop());

function connect() {
  const client = createClient({ url: server.wsUrl, protocol: veloflux(), backoff: () => 0 });
  return { client, errors: errorsOf(client) };
}

describe('veloflux against an independently written server', () => {
  it('backends, metrics and status deliver typed messages without drift', async () => {
    const { client, errors } = connect();
    const backends = record(client.feed('backends'), 'backends');
    const metrics = record(client.feed('metrics'), 'metrics');
    const status = record(client.feed('status'), 'status');
    try {
      const [b] = await backends.until(2);
      expect(b?.type).toBe('backend_status');
      expect(b?.backends.map((x) => x.pool)).toContain('web-servers');
      // A backend never used carries Go's zero time; one without a region omits it.
      expect(b?.backends.find((x) => x.address === '192.168.1.101:8080')?.region).toBeUndefined();
      const [m] = await metrics.until(1);
      expect(m?.type).toBe('metrics');
      expect(typeof m?.data.requests_per_second).toBe('number');
      const [s] = await status.until(1);
      expect(s?.type).toBe('system_status');
      expect(s?.data.version).toBe('1.1.3');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('control and force-update answer, and a forced update arrives marked forced', async () => {
    const { client, errors } = connect();
    const backends = record(client.feed('backends'), 'backends');
    try {
      await backends.until(1);
      const paused = await client.rest.control({ action: 'pause', type: 'backends' });
      expect(paused).toMatchObject({ status: 'success', paused: { backends: true } });
      const forced = await client.rest.forceUpdate({ type: 'backends' });
      expect(forced).toMatchObject({ status: 'success' });
      // Paused: the only backends message still sent is the forced one.
      await backends.find((x) => x.forced === true);
      await client.rest.control({ action: 'resume', type: 'all' });
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('after a server restart it reconnects and the feed resumes', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('status'));
  });

  it('a clean shutdown (close 1001, going away) is followed by a reconnect too', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('metrics'), 'SIGTERM');
  });
});
