import { describe, expect, it } from 'vitest';
import { clientState, sameClientState } from '../src/clientState';
import type { ClientState, ConnectionState } from '../src/index';

const url = 'ws://127.0.0.1:1/ws';
const open: ConnectionState = {
  status: 'open',
  url,
  attempt: 0,
  reason: 'connected',
  topics: ['a', 'b'],
  acks: { sent: 2, confirmed: 1 },
};
const state = (...connections: ConnectionState[]): ClientState => clientState(connections);

describe('sameClientState: what counts as a change', () => {
  it('an equal copy (new objects, new arrays, an explicit undefined) is no change', () => {
    const copy: ConnectionState = {
      ...open,
      topics: [...(open.topics ?? [])],
      acks: { sent: 2, confirmed: 1 },
      closeCode: undefined,
    };
    expect(sameClientState(state(open), state(copy))).toBe(true);
    expect(sameClientState(state(), state())).toBe(true);
  });

  it.each<[string, Partial<ConnectionState>]>([
    ['status', { status: 'reconnecting' }],
    ['attempt', { attempt: 1 }],
    ['next retry time', { nextRetryAt: 5 }],
    ['reason', { reason: 'reconnected' }],
    ['close code', { closeCode: 1006 }],
    ['url', { url: `${url}2` }],
    ['a topic', { topics: ['a', 'c'] }],
    ['one topic fewer', { topics: ['a'] }],
    ['no topics field', { topics: undefined }],
    ['acks confirmed', { acks: { sent: 2, confirmed: 2 } }],
  ])('a different %s is a change', (_field, patch) => {
    expect(sameClientState(state(open), state({ ...open, ...patch }))).toBe(false);
  });

  it('a connection more or fewer, or in another state, is a change', () => {
    const other: ConnectionState = { ...open, url: `${url}/other` };
    expect(sameClientState(state(open), state(open, other))).toBe(false);
    expect(sameClientState(state(open, other), state(open))).toBe(false);
    expect(sameClientState(state(open, other), state(open, { ...other, status: 'offline' }))).toBe(
      false,
    );
  });
});
