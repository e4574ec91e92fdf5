import { afterEach, describe, expect, it } from 'vitest';
import { isType, nowSeconds, start, stopServers, TAKHIN } from './support/start';
import { rest, TestClient } from './support/TestClient';

afterEach(stopServers);

describe('robustness', () => {
  it('binary garbage, huge and odd frames on every socket never crash the server', async () => {
    const server = await start({ timeScale: 0.05, simulate: false });
    const urls = [
      `${server.wsUrl}/api/ws/backends`,
      `${server.wsUrl}/ws/notifications`,
      `${server.wsUrl}/ws/logs`,
      `${server.wsUrl}/ws/cluster?token=${server.system('helios').issueToken()}`,
      `${server.wsUrl}/ws`,
      `${server.wsUrl}${TAKHIN}`,
    ];
    const frames: (string | Buffer)[] = [
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      '\u0000',
      'null',
      '{"__proto__":{"polluted":true},"type":"ping","action":"ping"}',
      '{"type":"subscribe","data":{"constructor":{"prototype":{}}}}',
      JSON.stringify({ action: 'subscribe', project_id: 'x'.repeat(1000) }),
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    ];
    const clients = await Promise.all(urls.map((u) => TestClient.open(u)));
    for (const client of clients) for (const frame of frames) client.socket.send(frame);
    for (const client of clients) {
      // Every socket either answered the frames or closed; the server is still up.
      if (client.socket.readyState === client.socket.OPEN) client.socket.close();
      await client.closed;
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stats = await rest(server.url, 'GET', '/api/ws/stats');
    expect(stats.status).toBe(200);
    const after = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await after.next(isType('metrics'));
    await after.close();
  });

  it('a client that stops reading is skipped then cut off; the others get every message', async () => {
    const server = await start({ simulate: false });
    const healthy = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    const stalled = await TestClient.open(`${server.wsUrl}${TAKHIN}`);
    await Promise.all([healthy.next(isType('metrics')), stalled.next(isType('metrics'))]);
    const stalledId = server.connections('takhin').at(-1)?.id;
    stalled.socket.pause();
    const big = 'x'.repeat(100_000);
    let sent = 0;
    // 100 kB events, paced by the healthy reader, until the stalled one is cut off.
    while (server.connections('takhin').some((c) => c.id === stalledId) && sent < 2000) {
      for (let i = 0; i < 20; i++, sent++) {
        // topic_deleted of an unknown topic: no trace in the cluster (a created one would grow every metrics message).
        server.emit('takhin', {
          type: 'topic_deleted',
          timestamp: nowSeconds(),
          data: { name: `${big}${sent}` },
        });
      }
      await healthy.collect(sent, isType('topic_deleted'), 10_000);
    }
    expect(server.connections('takhin').some((c) => c.id === stalledId)).toBe(false);
    expect(sent).toBeLessThan(2000);
    expect(
      healthy.received.filter((m) => (m as { type: string }).type === 'topic_deleted'),
    ).toHaveLength(sent);
    expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);
    await healthy.close();
  });

  it('unknown REST and socket paths are 404, OPTIONS preflight is allowed', async () => {
    const server = await start({ simulate: false });
    expect(await TestClient.refusal(`${server.wsUrl}/ws/unknown`)).toBe(404);
    expect(await TestClient.refusal(`${server.wsUrl}/api/ws/project`)).toBe(404);
    expect((await rest(server.url, 'GET', '/api/nothing')).status).toBe(404);
    const preflight = await fetch(`${server.url}/api/ws/control`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
