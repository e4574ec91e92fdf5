import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BindingName, FeedSpec } from './browser/pageEntry';
import { type ChromiumPage, openChromiumPage } from './chromiumPage';
import { type PythonServer, type SystemServer, startPythonServer } from './pythonServer';

/**
 * @feedkit/client in headless Chromium against the five Python servers: the
 * browser's own WebSocket (no upgrade headers, so credentials ride in the
 * query; a refused upgrade's status unseen; compression negotiated by the
 * browser) and the browser's fetch, subject to CORS. The page has its own
 * origin, as a deployed frontend does; the servers run with `--cors-origin`
 * set to it (the documents advise configuring CORS), except `heliosNoCors`.
 */
const KEY = 'browser-key';
type ServerName = 'veloflux' | 'plataformaE' | 'helios' | 'aic' | 'takhin' | 'heliosNoCors';
const servers = {} as Record<ServerName, PythonServer>;
let page: ChromiumPage;

beforeAll(async () => {
  page = await openChromiumPage();
  const cors = ['--cors-origin', page.origin];
  const start = async (name: ServerName, system: SystemServer, args: string[]) => {
    servers[name] = await startPythonServer(system, args);
  };
  await Promise.all([
    start('veloflux', 'veloflux', cors),
    start('plataformaE', 'plataforma_e', cors),
    start('helios', 'helios', cors),
    start('aic', 'active_immune_core', cors),
    start('takhin', 'takhin', [...cors, '--api-key', KEY]),
    start('heliosNoCors', 'helios', []),
  ]);
}, 30_000);

afterAll(async () => {
  await page?.close();
  await Promise.all(Object.values(servers).map((s) => s.stop()));
});

const ADMIN = { username: 'admin', password: 'admin123' };
// The document names no query parameter for Takhin's key; this server reads `api_key`
// and feedkit's default is `token`, so a browser page must say which (it cannot send the header).
const TAKHIN = { apiKey: KEY };
const TAKHIN_QUERY = { authQueryParam: 'api_key' };

let sessions = 0;
/** A client in the page, closed after `body` whatever happens. */
async function inPage<T>(
  [binding, server, options, extra]: readonly [BindingName, ServerName, unknown?, object?],
  body: (id: string) => Promise<T>,
): Promise<T> {
  const id = `${binding}-${++sessions}`;
  await page.call('open', id, binding, servers[server].wsUrl, options, extra);
  try {
    return await body(id);
  } finally {
    await page.call('close', id);
  }
}

type Check = (messages: readonly Record<string, unknown>[]) => void;
const allOfType =
  (...types: string[]): Check =>
  (messages) => {
    for (const m of messages) expect(types).toContain(m.type);
  };

const feedTable: [string, BindingName, ServerName, unknown, object, [FeedSpec, number, Check][]][] =
  [
    [
      'VeloFlux',
      'veloflux',
      'veloflux',
      undefined,
      {},
      [
        [['backends'], 2, allOfType('backend_status')],
        [['metrics'], 1, allOfType('metrics')],
        [['status'], 1, allOfType('system_status')],
      ],
    ],
    [
      'Plataforma E',
      'plataformaE',
      'plataformaE',
      undefined,
      {},
      [
        [['notifications'], 3, (ms) => ms.forEach((m) => expect(m.type).toEqual(expect.any(String)))],
        [['project', 'PROJ-001'], 3, (ms) => ms.forEach((m) => expect(m.project_id).toBe('PROJ-001'))],
        [['logs', { level: 'warning' }], 2, allOfType('log_message')],
      ],
    ],
    [
      'Helios (token in ?token=)',
      'helios',
      'helios',
      ADMIN,
      {},
      [
        [['status'], 2, allOfType('status', 'status_update')],
        [['stateChanges'], 1, allOfType('state_change')],
        [['peerChanges'], 1, allOfType('peer_change')],
        [['latency'], 1, allOfType('latency')],
        [['uptime'], 1, allOfType('uptime')],
        [['snapshots'], 1, allOfType('snapshot')],
        [['customMetrics'], 1, allOfType('custom_metrics')],
      ],
    ],
    [
      'Active Immune Core',
      'activeImmuneCore',
      'aic',
      { clientId: 'browser-feeds' },
      {},
      [
        [['room', 'agents'], 2, (ms) => ms.forEach((m) => expect(m.room).toBe('agents'))],
        [['eventType', 'leader_elected'], 1, (ms) => ms.forEach((m) => expect(m.event_type).toBe('leader_elected'))],
        [['all'], 4, (ms) => ms.forEach((m) => expect(m.event_type).toEqual(expect.any(String)))],
      ],
    ],
    [
      'Takhin (key in ?api_key=)',
      'takhin',
      'takhin',
      TAKHIN,
      TAKHIN_QUERY,
      [
        [['metrics'], 2, (ms) => ms.forEach((m) => expect(m.data).toHaveProperty('consumerLags', expect.any(Array)))],
        [['topic', 'topic-1'], 1, (ms) => ms.forEach((m) => expect((m.data as { name: string }).name).toBe('topic-1'))],
        [['consumerGroup', 'consumer-group-1'], 1, allOfType('group_updated')],
      ],
    ],
  ];

describe('@feedkit/client in Chromium against the independent servers', () => {
  it.each(feedTable)(
    '%s: every feed delivers typed messages without drift or errors',
    (_name, binding, server, options, extra, feeds) =>
      inPage([binding, server, options, extra], async (id) => {
        for (const [spec] of feeds) await page.call('record', id, spec.join('/'), spec);
        for (const [spec, count, check] of feeds) {
          const messages = await page.call('until', id, spec.join('/'), count, 8000);
          check(messages as Record<string, unknown>[]);
        }
        const report = await page.call('report', id);
        expect(report.drift).toBe(0);
        expect(report.errors).toEqual([]);
      }),
  );
});
