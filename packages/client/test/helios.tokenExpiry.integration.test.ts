import { describe, expect, it } from 'vitest';
import { helios } from '../src/index';
import { collectErrors } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

// Tokens that live 0.4 s: the server closes each socket with 4001 at expiry.
const ref = useReferenceServer({ heliosTokenTtlSeconds: 0.4 });

describe('Helios token expiry on an open socket', () => {
  it('a username+password client keeps its flags across token expiries, twice', async () => {
    // stableAfterMs below the token lifetime: each socket counts as healthy
    // before its token runs out, so an expiry is never a "second refusal".
    const client = ref.client(helios({ username: 'admin', password: 'admin123' }), {
      stableAfterMs: 100,
    });
    const errors = collectErrors(client);
    const closeCodes: number[] = [];
    client.state$.subscribe((s) => {
      if (s.status === 'reconnecting' && s.closeCode !== undefined) closeCodes.push(s.closeCode);
    });
    const sub = client.feed('peerChanges').subscribe();
    const ids: string[] = [];
    for (let socket = 0; socket < 3; socket++) {
      const [connection] = await ref.server.waitForConnections(
        (cs) =>
          cs.length === 1 &&
          !ids.includes(cs[0]?.id as string) &&
          cs[0]?.subscriptions.join() === 'peer_changes',
        5000,
      );
      ids.push(connection?.id as string);
    }
    // Renewed before expiry (0.4 s tokens leave 0.13 s to do it); a renewal that loses the race
    // gets a 4001 and logs in again. On a loaded machine a token can also expire between the
    // login and the upgrade: refused with 401 (a browser-style 1006 until the probe says so),
    // and the client logs in again. Either way every error is a non-fatal auth error.
    expect(closeCodes.filter((code) => code !== 4001 && code !== 1006)).toEqual([]);
    expect(
      errors.map((e) => [e.code, e.fatal]).filter(([code, fatal]) => code !== 'auth' || fatal),
    ).toEqual([]);
    expect(client.state.status).not.toBe('closed');
    sub.unsubscribe();
  });

  it('a static token that expires ends in one fatal auth error, not a reconnect loop', async () => {
    const token = ref.server.system('helios').issueToken('admin', 0.4);
    const client = ref.client(helios({ token }));
    const errors = collectErrors(client);
    const feed = client.feed('status');
    const failed = new Promise<unknown>((resolve) => feed.subscribe({ error: resolve }));
    expect(await failed).toMatchObject({ code: 'auth', fatal: true });
    expect(errors.map((e) => [e.code, e.fatal])).toEqual([['auth', true]]);
  });
});
