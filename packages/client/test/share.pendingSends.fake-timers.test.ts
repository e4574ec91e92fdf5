import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedkitError } from '../src/FeedkitError';
import { takhin } from '../src/index';
import type { TabMessage } from '../src/share/ShareMessages';
import { TabClient } from '../src/share/TabClient';
import type { TabBody, TabShare } from '../src/share/TabShare';

/**
 * A tab's sends while no owner confirms them (a handover that does not end):
 * kept under the client's `queue` limits, then each an `overflow` error that
 * carries the command. Time is the subject: fake timers.
 */
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function tab(queue: { maxSize: number; maxAgeMs: number }) {
  const posted: TabBody[] = [];
  const errors: FeedkitError[] = [];
  const share = {
    nextId: () => 'tab:1',
    add: () => {},
    delete: () => {},
    post: (message: TabBody) => posted.push(message),
  } as unknown as TabShare;
  const protocol = takhin();
  const client = new TabClient<unknown>({
    share,
    adapter: protocol.adapter as never,
    options: { url: 'ws://localhost:1', protocol, queue },
    http: {} as never,
    events: { message: () => {}, unknown: () => {}, drift: () => {}, error: (e) => errors.push(e) },
  });
  const sends = () => posted.filter((m): m is Extract<TabMessage, { t: 'send' }> => m.t === 'send');
  return { client, errors, sends };
}

const ping = (timestamp: number) => ({ type: 'ping', timestamp });
const PATH = '/api/monitoring/ws';
const URL_ = `ws://localhost:1${PATH}`;

describe('sends the owner has not confirmed', () => {
  it('are posted again to a new owner, and not once confirmed', () => {
    const { client, sends } = tab({ maxSize: 10, maxAgeMs: 1000 });
    client.send(PATH, URL_, ping(1));
    client.send(PATH, URL_, ping(2));
    client.receive({ from: 'hub', t: 'sent', client: client.id, id: sends()[0]?.id ?? 0 });
    client.resync();
    expect(sends().map((s) => (s.command as { timestamp: number }).timestamp)).toEqual([1, 2, 2]);
    expect(sends()[2]?.id).toBe(sends()[1]?.id);
  });

  it('past maxAgeMs: an overflow error each, carrying the command', () => {
    const { client, errors } = tab({ maxSize: 10, maxAgeMs: 1000 });
    client.send(PATH, URL_, ping(1));
    vi.advanceTimersByTime(500);
    client.send(PATH, URL_, ping(2));
    vi.advanceTimersByTime(500);
    expect(errors.map((e) => [e.code, e.dropped])).toEqual([['overflow', ping(1)]]);
    expect(errors[0]?.message).toContain(
      'waited longer than 1000 ms for the owner of the shared sockets',
    );
    vi.advanceTimersByTime(500);
    expect(errors.map((e) => e.dropped)).toEqual([ping(1), ping(2)]);
    expect(errors[1]?.path).toBe(URL_);
  });

  it('past maxSize: the new send is refused with an overflow error', () => {
    const { client, errors, sends } = tab({ maxSize: 1, maxAgeMs: 1000 });
    client.send(PATH, URL_, ping(1));
    client.send(PATH, URL_, ping(2));
    expect(sends()).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.dropped])).toEqual([['overflow', ping(2)]]);
  });

  it('when the client closes: each one still waiting is reported', () => {
    const { client, errors } = tab({ maxSize: 10, maxAgeMs: 1000 });
    client.send(PATH, URL_, ping(1));
    client.close();
    expect(errors.map((e) => [e.code, e.dropped])).toEqual([['overflow', ping(1)]]);
    vi.advanceTimersByTime(2000);
    expect(errors).toHaveLength(1);
  });
});
