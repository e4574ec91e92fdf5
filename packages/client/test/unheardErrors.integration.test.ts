import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient, type FeedkitError, takhin } from '../src/index';
import { next } from './support/helpers';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function recorder() {
  const lines: string[] = [];
  let heard: () => void = () => {};
  const first = new Promise<void>((resolve) => {
    heard = resolve;
  });
  return {
    lines,
    first,
    warn(line: string) {
      lines.push(line);
      heard();
    },
  };
}

describe('errors nobody subscribes to', () => {
  it('a for-await loop against a closed port is not silent: the refusal is logged once, not per retry', async () => {
    const logger = recorder();
    const client = createClient({
      url: `ws://127.0.0.1:${await closedPort()}`,
      protocol: takhin(),
      backoff: () => 0,
      lifecycle: false,
      logger,
    });
    const loop = (async () => {
      for await (const _ of client.feed('metrics')) break;
    })().catch(() => {});
    await logger.first;
    // Let the client retry several times; the same refusal stays one line.
    for (let i = 0; i < 5; i++) await next(client.state$, (s) => s.status === 'reconnecting');
    client.close();
    await loop;
    expect(logger.lines[0]).toMatch(/^\[feedkit\] connection: .*ECONNREFUSED/);
    expect(logger.lines[0]).toMatch(/client\.errors\$/);
    expect(logger.lines.filter((l) => l.includes('ECONNREFUSED'))).toHaveLength(1);
  });

  it('nothing is logged while errors$ has a subscriber, and logger: false logs nothing', async () => {
    const port = await closedPort();
    for (const logger of [recorder(), false as const]) {
      const client = createClient({
        url: `ws://127.0.0.1:${port}`,
        protocol: takhin(),
        backoff: () => 0,
        lifecycle: false,
        logger,
      });
      const errors: FeedkitError[] = [];
      const sub = logger ? client.errors$.subscribe((e) => errors.push(e)) : undefined;
      const feed = client.feed('metrics').subscribe({ error: () => {} });
      await next(client.state$, (s) => s.status === 'reconnecting');
      feed.unsubscribe();
      sub?.unsubscribe();
      client.close();
      if (logger) {
        expect(errors[0]?.message).toMatch(/ECONNREFUSED/);
        expect(logger.lines).toEqual([]);
      }
    }
  });
});

describe('createClient checks what it is given', () => {
  it.each(['localhost:8080', '127.0.0.1:8080', '/api/ws', ''])(
    'url %j without a scheme is a config error at once',
    (url) => {
      expect(() => createClient({ url, protocol: takhin() })).toThrow(
        expect.objectContaining({
          code: 'config',
          message: expect.stringMatching(/ws:\/\/localhost:8080/),
        }),
      );
    },
  );

  it('a feed name the system lacks lists the ones it has', () => {
    const client = createClient({ url: 'ws://127.0.0.1:1', protocol: takhin(), logger: false });
    const feed = client.feed as unknown as (name: string) => unknown;
    expect(() => feed('metrcs')).toThrow(
      /no feed named 'metrcs'; its feeds: metrics, topic, consumerGroup/,
    );
    client.close();
  });
});
