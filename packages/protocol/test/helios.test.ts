import { describe, expect, it } from 'vitest';
import { heliosExamples } from '../src/examples/index';
import { Helios } from '../src/index';
import {
  seedCustomMetrics,
  seedError,
  seedLatency,
  seedLogin,
  seedPeerChange,
  seedSnapshot,
  seedStateChange,
  seedStatus,
  seedUptime,
  seedVectors,
} from './support/heliosSeed';

const { adapter, feeds, endpoints, errorBodySchema } = Helios;

describe('Helios decode: seed vectors', () => {
  it.each(seedVectors)('%s decodes to its typed message', (type, frame) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message.type).toBe(type);
    expect(result.message).toEqual(JSON.parse(frame));
  });

  // Named by the seed but never shown: see PROTOCOL.md.
  it.each([
    ['status_update', seedStatus.replace('"status"', '"status_update"'), 'data'],
    ['pong', '{"type":"pong","timestamp":"2024-01-15T10:38:00Z"}', 'pong'],
    [
      'pong with data',
      '{"type":"pong","timestamp":"2024-01-15T10:38:00.5+02:00","data":{}}',
      'pong',
    ],
  ])('%s decodes and plays its role', (_name, frame, role) => {
    const result = adapter.decode(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message).toEqual(JSON.parse(frame));
    expect(adapter.roleOf(result.message)).toBe(role);
  });

  it('the seed error message plays the error role', () => {
    const result = adapter.decode(seedError);
    expect(result.kind === 'message' && adapter.roleOf(result.message)).toBe('error');
  });
});

describe('Helios commands: encoded exactly as the seed shows', () => {
  const seedSubscribe = {
    type: 'subscribe',
    data: {
      status: false,
      latency: false,
      uptime: false,
      snapshot: false,
      custom_metrics: false,
      state_changes: true,
      peer_changes: true,
    },
  };

  it('subscribing to state and peer changes sends the seed object', () => {
    const commands = adapter.reconcile(new Set(), new Set(['state_changes', 'peer_changes']));
    expect(commands.map(adapter.encode)).toEqual([JSON.stringify(seedSubscribe)]);
  });

  it('unsubscribing from everything sends the seed object', () => {
    const commands = adapter.reconcile(new Set(['status']), new Set());
    expect(commands.map(adapter.encode)).toEqual([JSON.stringify({ type: 'unsubscribe' })]);
  });

  it('the heartbeat is the seed ping', () => {
    expect(adapter.heartbeat?.ping()).toBe(JSON.stringify({ type: 'ping' }));
    expect(adapter.heartbeat?.intervalMs).toBe(15_000);
  });

  it.each([
    ['subscribe', JSON.stringify(seedSubscribe)],
    ['unsubscribe', JSON.stringify({ type: 'unsubscribe' })],
    ['ping', JSON.stringify({ type: 'ping' })],
  ])('client %s decodes as a command (what the server validates)', (type, frame) => {
    const result = adapter.decodeCommand(frame);
    expect(result.kind).toBe('message');
    if (result.kind !== 'message') return;
    expect(result.message.type).toBe(type);
    expect(result.message).toEqual(JSON.parse(frame));
  });
});

describe('Helios reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  const flags = (...on: string[]) => ({
    type: 'subscribe',
    data: Object.fromEntries(Helios.subscriptionFlags.map((f) => [f, on.includes(f)])),
  });
  it.each([
    ['add', set('status'), set('status', 'latency'), [flags('status', 'latency')]],
    ['remove one of two', set('status', 'uptime'), set('uptime'), [flags('uptime')]],
    ['remove the last', set('snapshot'), set(), [{ type: 'unsubscribe' }]],
    [
      'replay from empty',
      set(),
      set('custom_metrics', 'peer_changes'),
      [flags('custom_metrics', 'peer_changes')],
    ],
    [
      'replay of all seven still sends the flags',
      set(),
      set(...Helios.subscriptionFlags),
      [flags(...Helios.subscriptionFlags)],
    ],
    ['no change', set('status', 'latency'), set('latency', 'status'), []],
    ['empty to empty', set(), set(), []],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after)).toEqual(expected);
  });

  it('every subscribe it emits is a valid command', () => {
    for (const command of adapter.reconcile(set(), set('status'))) {
      expect(adapter.decodeCommand(adapter.encode(command)).kind).toBe('message');
    }
  });
});

describe('Helios feeds', () => {
  const decoded = (frame: string) => {
    const result = adapter.decode(frame);
    if (result.kind !== 'message') throw new Error(`seed vector did not decode: ${frame}`);
    return result.message;
  };
  const messages = {
    status: decoded(seedStatus),
    status_update: decoded(seedStatus.replace('"status"', '"status_update"')),
    state_change: decoded(seedStateChange),
    peer_change: decoded(seedPeerChange),
    latency: decoded(seedLatency),
    uptime: decoded(seedUptime),
    snapshot: decoded(seedSnapshot),
    custom_metrics: decoded(seedCustomMetrics),
    error: decoded(seedError),
  };

  it.each([
    ['status', feeds.status(), ['status'], ['status', 'status_update']],
    ['stateChanges', feeds.stateChanges(), ['state_changes'], ['state_change']],
    ['peerChanges', feeds.peerChanges(), ['peer_changes'], ['peer_change']],
    ['latency', feeds.latency(), ['latency'], ['latency']],
    ['uptime', feeds.uptime(), ['uptime'], ['uptime']],
    ['snapshots', feeds.snapshots(), ['snapshot'], ['snapshot']],
    ['customMetrics', feeds.customMetrics(), ['custom_metrics'], ['custom_metrics']],
  ])('%s takes its flag and only its own messages', (name, feed, topics, accepted) => {
    expect(feed.key).toBe(`helios:${name}`);
    expect(feed.path).toBe('/ws/cluster');
    expect(feed.topics).toEqual(topics);
    for (const [type, message] of Object.entries(messages)) {
      expect(feed.accepts(message), type).toBe(accepted.includes(type));
    }
  });

  it('auth travels as ?token= or a bearer header and is required', () => {
    expect(adapter.auth).toMatchObject({ query: 'token', bearerHeader: true, required: true });
  });
});

describe('Helios REST', () => {
  it('the seed login body is a valid request', () => {
    expect(endpoints.login.request?.parse(JSON.parse(seedLogin))).toEqual(JSON.parse(seedLogin));
    expect(endpoints.login.method).toBe('POST');
    expect(endpoints.login.path()).toBe('/api/auth/login');
  });

  it.each([
    ['only the token', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' }, true],
    [
      'token, expiry and role',
      { token: 'eyJ.x.y', expires_at: '2024-01-16T10:30:00Z', role: 'admin' },
      true,
    ],
    ['no token', { role: 'admin' }, false],
    // `role` is feedkit's invention: a server's own role names must not fail the login.
    ['a role feedkit does not know', { token: 't', role: 'root' }, true],
  ])('login response with %s', (_name, body, ok) => {
    expect(endpoints.login.response.safeParse(body).success).toBe(ok);
  });

  it('a 401 body is typed', () => {
    expect(errorBodySchema.parse({ error: 'invalid credentials' })).toEqual({
      error: 'invalid credentials',
    });
    expect(errorBodySchema.safeParse({ detail: 'x' }).success).toBe(false);
  });
});

describe('Helios examples (@feedkit/protocol/examples)', () => {
  it.each(seedVectors)('the %s example is the seed, value for value', (type, frame) => {
    expect(heliosExamples[type]).toEqual(JSON.parse(frame));
  });
});
