import { takhin } from '@feedkit/client';
import { skip, take, toArray } from 'rxjs';
import { expect, it } from 'vitest';
import { next } from './support/next';
import { useDeployment } from './support/useDeployment';

const deployment = useDeployment();

// A subscription the protocol's own command reader refuses (a Takhin target over 256
// characters) is never sent: a server that closes on a malformed command (1007) would
// take every feed of the socket down, on every replay. Only that feed fails.
it('a subscription the protocol refuses fails its feed alone; the socket stays up', async () => {
  const client = deployment.client(takhin(), { url: deployment.server.wsUrl });
  const closes: number[] = [];
  client.state$.subscribe((s) => {
    if (s.closeCode !== undefined) closes.push(s.closeCode);
  });
  const metrics = client.feed('metrics');
  const sub = metrics.subscribe();
  await next(metrics);
  const refused: Error[] = [];
  const long = client
    .feed('topic', 'x'.repeat(300))
    .subscribe({ error: (e: Error) => refused.push(e) });
  // Five metrics later the socket must still be the first one.
  await next(metrics.pipe(skip(4), take(1), toArray()));
  long.unsubscribe();
  sub.unsubscribe();
  expect(closes).toEqual([]);
  expect(refused[0]).toMatchObject({ code: 'config', fatal: true });
  expect(refused[0]?.message).toMatch(/256/);
});
