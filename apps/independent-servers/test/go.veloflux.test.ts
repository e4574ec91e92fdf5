import { createClient, veloflux } from '@feedkit/client/veloflux';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO_BUILD_TIMEOUT_MS, startGoServer } from './goServer';
import { describeErrors, errorsOf, record } from './record';
import { replaysAfterRestart } from './resumesAfterRestart';
import type { ServerProcess } from './serverProcess';

let server: ServerProcess;

beforeAll(async () => {
  server = await startGoServer('veloflux');
}, GO_BUILD_TIMEOUT_MS);
afterAll(() => server?.stop());

function connect() {
  const client = createClient({ url: server.wsUrl, protocol: veloflux(), backoff: () => 0 });
  return { client, errors: errorsOf(client) };
}

describe('veloflux against a Go server (net/http, gorilla/websocket)', () => {
  it('backends, metrics and status deliver typed messages without drift', async () => {
    const { client, errors } = connect();
    const backends = record(client.feed('backends'), 'backends');
    const metrics = record(client.feed('metrics'), 'metrics');
    const status = record(client.feed('status'), 'status');
    try {
      const [b] = await backends.until(2);
      expect(b?.type).toBe('backend_status');
      expect(b?.timestamp).toMatch(/-03:00$/);
      // `forced,omitempty`: a scheduled update carries no `forced` at all.
      expect(Object.keys(b ?? {})).not.toContain('forced');
      const idle = b?.backends.find((x) => x.address === '192.168.1.101:8080');
      expect(idle?.region).toBeUndefined();
      expect(idle?.last_used).toBe('0001-01-01T00:00:00Z');
      // A backend with no health check: a nil *HealthCheck, omitted.
      const api = b?.backends.find((x) => x.pool === 'api-servers');
      expect(api).toBeDefined();
      expect(api?.health_check).toBeUndefined();
      const [m] = await metrics.until(1);
      expect(typeof m?.data.requests_per_second).toBe('number');
      const [s] = await status.until(1);
      expect(s?.data.version).toBe('1.1.0');
      expect(client.drift.entries).toEqual([]);
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('control and force-update answer {success, message}; the forced update arrives', async () => {
    const { client, errors } = connect();
    const backends = record(client.feed('backends'), 'backends');
    try {
      await backends.until(1);
      const paused = await client.rest.control({ action: 'pause', type: 'backends' });
      expect(paused).toMatchObject({ success: true });
      const forced = await client.rest.forceUpdate({ type: 'backends' });
      expect(forced).toMatchObject({ success: true });
      await backends.find((x) => x.forced === true);
      await client.rest.control({ action: 'resume', type: 'all' });
      expect(describeErrors(errors)).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('after a crash (SIGKILL) on the same port it reconnects and the feed resumes', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('status'));
  });

  it('a clean shutdown (SIGTERM, close 1001) is followed by a reconnect', () => {
    const { client } = connect();
    return replaysAfterRestart(server, client, client.feed('metrics'), 'SIGTERM');
  });
});
