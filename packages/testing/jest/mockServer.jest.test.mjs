// The published ESM build under Jest's ESM mode (node environment, Node 20:
// no global WebSocket until the kit installs one). msw 2.13+ loads an
// ESM-only dependency, so Jest's CommonJS mode cannot load msw at all on
// Node 20 (msw issue 2698); ESM mode is what a Jest user runs msw in.

import { takhin } from '@feedkit/client';
import { afterEach, expect, test } from '@jest/globals';
import { exampleMessages, mockTakhin } from '../dist/index.js';

let stop = () => {};
afterEach(() => stop());

test('a mock Takhin serves a real client under Jest', async () => {
  const mock = mockTakhin();
  const client = mock.createClient(takhin());
  stop = () => {
    client.close();
    mock.stop();
  };
  const first = new Promise((resolve) => {
    const subscription = client.feed('metrics').subscribe((message) => {
      resolve(message);
      queueMicrotask(() => subscription.unsubscribe());
    });
  });
  await mock.waitForConnection();
  mock.emit('metrics');
  expect(await first).toEqual(exampleMessages.takhin.metrics);
});
