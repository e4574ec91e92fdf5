import { describe, expect, it } from 'vitest';
import type { ClientOptions } from '../src/ClientOptions';
import { createClient } from '../src/createClient';
import type { Protocol } from '../src/FeedkitClient';
import { FeedkitError } from '../src/FeedkitError';
import { activeImmuneCore, takhin } from '../src/index';
import { tabs } from '../src/share/index';
import { optionPlaces, sessionOptions, shareConfig } from '../src/share/shareConfig';

const url = 'ws://localhost:8080';

function configError(run: () => unknown): FeedkitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedkitError);
    expect((error as FeedkitError).code).toBe('config');
    return error as FeedkitError;
  }
  throw new Error('expected a config error');
}

describe('share is injected: createClient knows only the strategy', () => {
  it("share: 'tabs' (the old string) is a config error that says what to import", () => {
    const error = configError(() =>
      createClient({ url, protocol: takhin(), share: 'tabs' as never }),
    );
    expect(error.message).toContain("share: 'tabs' is not a share strategy");
    expect(error.message).toContain("import { tabs } from '@feedkit/client/share'");
    expect(error.system).toBe('takhin');
  });

  it('an options object where a strategy belongs is a config error too', () => {
    const error = configError(() =>
      createClient({ url, protocol: takhin(), share: { worker: false } as never }),
    );
    expect(error.message).toContain('share: object is not a share strategy');
  });

  it('tabs() where the browser has neither a SharedWorker nor Web Locks (Node): a client with its own sockets', () => {
    const client = createClient({ url, protocol: takhin(), share: tabs() });
    expect(client.state.status).toBe('idle');
    client.close();
  });
});

describe('nothing is silently ignored by the owner of the sockets', () => {
  const full: ClientOptions<Protocol> = {
    url: `${url}/`,
    protocol: activeImmuneCore({ clientId: 'c1', answersCommands: true }),
    basePath: '/feeds',
    heartbeat: { intervalMs: 123, timeoutMs: 456 },
    linger: 7,
    queue: { maxSize: 3, maxAgeMs: 4000 },
    stableAfterMs: 11,
    connectTimeoutMs: 12,
    authQueryParam: 'api_key',
    ackTimeoutMs: 13,
    headers: { 'X-Tenant': 'ops' },
    tls: { rejectUnauthorized: false },
    requestTimeoutMs: 14,
  };

  it('every option the owner uses reaches its client as the tab gave it', () => {
    const config = structuredClone(shareConfig(full, full.protocol.adapter as never));
    const protocol = { ...full.protocol, rest: () => ({}) };
    const owner = sessionOptions(config, protocol, {});
    const places = Object.entries(optionPlaces) as [keyof typeof optionPlaces, string][];
    for (const [key, place] of places) {
      if (place !== 'owner' || key === 'url' || key === 'protocol') continue;
      expect(owner[key], key).toEqual(full[key]);
    }
    expect(owner.url).toBe(url);
    expect(config.query).toEqual({ client_id: 'c1' });
    // A deployment that answers its commands: the owner waits for the answers too.
    expect(config.acks).toBe(true);
    expect(config.functions).toEqual([]);
  });

  it('a deployment that does not answer its commands (the document default): the owner waits for none', () => {
    const quiet = { ...full, protocol: activeImmuneCore({ clientId: 'c1' }) };
    expect(shareConfig(quiet, quiet.protocol.adapter as never).acks).toBe(false);
  });

  it.each([
    ['backoff', { backoff: () => 0 }],
    ['shouldRetry', { shouldRetry: () => false }],
    ['WebSocket', { WebSocket: class {} as never }],
    ['fetch', { fetch: globalThis.fetch }],
  ] as const)('a client with %s and a SharedWorker is refused, naming it', (name, extra) => {
    const error = configError(() =>
      createClient({ url, protocol: takhin(), ...extra, share: tabs() }),
    );
    expect(error.message).toContain(`ignore ${name}`);
    expect(error.message).toContain('tabs({ worker: false })');
  });

  it('with worker: false the leader tab runs the functions: the client is created', () => {
    const client = createClient({
      url,
      protocol: takhin(),
      backoff: () => 0,
      share: tabs({ worker: false }),
    });
    expect(
      shareConfig({ url, protocol: takhin(), backoff: () => 0 }, takhin().adapter as never)
        .functions,
    ).toEqual(['backoff']);
    client.close();
  });
});
