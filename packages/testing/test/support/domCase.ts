import { takhin } from '@feedkit/client';
import { afterEach, expect, it } from 'vitest';
import { mockTakhin } from '../../src/index';
import { next } from './next';

/** The same test in each DOM environment a file opts into: msw patches that DOM's own WebSocket. */
export function mocksSocketsInThisDom(): void {
  let stop = () => {};
  afterEach(() => stop());

  it('mocks sockets in a DOM environment, where a global WebSocket already exists', async () => {
    expect(globalThis.WebSocket).toBeDefined();
    const mock = mockTakhin();
    const client = mock.createClient(takhin());
    stop = () => {
      client.close();
      mock.stop();
    };
    const metrics = next(client.feed('metrics'));
    await mock.waitForConnection();
    mock.emit('metrics');
    expect((await metrics).data.clusterHealth.totalTopics).toBe(10);
  });
}
