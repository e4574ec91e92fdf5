import { describe, expect, it } from 'vitest';
import { helios } from '../src/index';
import { collectErrors } from './support/helpers';
import { useReferenceServer } from './support/referenceServer';

/**
 * Token renewal against the reference server: Helios tokens that live 3 s
 * (the server closes a socket with 4001 when its token expires), a stream
 * of numbered messages, and three renewals. Each renewal opens a socket on
 * the new token and lets the old one go only after the new one speaks.
 */
const ref = useReferenceServer();
const TOKEN_SECONDS = 3;

describe('token renewal before expiry (Helios, 3 s tokens)', () => {
  it('moves the socket to each new token with no 4001, no gap and no missed or doubled message', async () => {
    let issued = 0;
    const client = ref.client(
      helios({
        getToken: () => {
          issued++;
          return ref.server.system('helios').issueToken('admin', TOKEN_SECONDS);
        },
      }),
    );
    const errors = collectErrors(client);
    const closeCodes: number[] = [];
    const statuses = new Set<string>();
    client.state$.subscribe((s) => {
      if (s.closeCode !== undefined) closeCodes.push(s.closeCode);
    });
    const feed = client.feed('customMetrics');
    let gapSeen = false;
    feed.listen(() => {
      gapSeen ||= feed.gap;
    });
    feed.listenStatus(() => statuses.add(feed.status.status));
    const received: number[] = [];
    let markerSeen: () => void = () => {};
    const marker = new Promise<void>((resolve) => {
      markerSeen = resolve;
    });
    feed.subscribe((m) => {
      const value = m.data.seq?.value;
      if (value === -1) markerSeen();
      else if (value !== undefined) received.push(value);
    });
    const [first] = await ref.server.waitForConnections((cs) => cs.length === 1);
    const emit = (value: number) =>
      ref.server.emit('helios', {
        type: 'custom_metrics',
        timestamp: new Date().toISOString(),
        data: { seq: { type: 'counter', help: 'test sequence', value } },
      });
    let sent = 0;
    const stream = setInterval(() => emit(sent++), 20);
    // Three renewals: the server has accepted three more sockets, one at a time.
    const seen = new Set([first?.id]);
    try {
      await ref.server.waitForConnections((cs) => {
        for (const c of cs) seen.add(c.id);
        return seen.size === 4 && cs.length === 1;
      }, 15_000);
    } finally {
      clearInterval(stream);
    }
    emit(-1);
    await marker;

    expect(received).toEqual(Array.from({ length: sent }, (_, i) => i));
    expect(closeCodes).not.toContain(4001);
    expect(errors).toEqual([]);
    expect(gapSeen).toBe(false);
    expect([...statuses]).toEqual(['live']);
    expect(client.state).toMatchObject({ status: 'open', reason: 'token renewed' });
    expect(issued).toBe(4);
  }, 20_000);
});
