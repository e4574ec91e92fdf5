import {
  type ConnectionInfo,
  type ReferenceServer,
  startReferenceServer,
} from '@feedkit/reference-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmokeConfig, type SmokeLine, SmokeRun } from './SmokeRun';
import { assertFreshBuild, type SmokeRuntime } from './smokeRuntimes';

const TAKHIN_API_KEY = 'smoke-api-key';
const now = () => new Date().toISOString();

/** Every test of the suite sees the same probe and server, in order. */
interface Context {
  server: ReferenceServer;
  run: SmokeRun;
  config: SmokeConfig;
}

const subscribed = (cs: readonly ConnectionInfo[], system: string, subscription: string) =>
  cs.some((c) => c.system === system && c.subscriptions.includes(subscription));

function emitFeedEvents(server: ReferenceServer): void {
  server.emit('takhin', {
    type: 'topic_created',
    timestamp: Math.floor(Date.now() / 1000),
    data: { name: 'orders', partitions: 3 },
  });
  server.emit('active-immune-core', {
    event_type: 'agent_created',
    timestamp: now(),
    data: { agent_id: 'agent_neutrophil_001', agent_type: 'neutrophil', status: 'active' },
    source: 'api_server',
    room: 'agents',
  });
  server.emit('plataforma-e', {
    type: 'story_created',
    data: { story_id: 'STR-0001', title: 'Login', project_id: 'PROJ-001' },
    timestamp: now(),
    message_id: 'smoke-1',
    project_id: 'PROJ-001',
    story_id: 'STR-0001',
  });
}

async function typedFeeds(ctx: Context): Promise<void> {
  await ctx.run.next('feeds-subscribed');
  const { server } = ctx;
  await server.waitForConnections(
    (cs) =>
      subscribed(cs, 'takhin', 'topic:orders') &&
      subscribed(cs, 'plataforma-e', 'project:PROJ-001') &&
      subscribed(cs, 'active-immune-core', 'room:agents'),
  );
  const [aic] = server.connections('active-immune-core');
  expect(aic?.query.client_id).toBe(ctx.config.clientId);
  emitFeedEvents(server);
  const { results } = await ctx.run.next('feeds');
  expect(results).toEqual({
    takhinMetrics: { ok: true, type: 'metrics', produceP99: 'number' },
    takhinTopic: { ok: true, type: 'topic_created', name: 'orders' },
    heliosStatus: { ok: true, type: expect.stringMatching(/^status(_update)?$/), peers: true },
    aicRoom: { ok: true, type: 'agent_created', agentId: 'agent_neutrophil_001' },
    plataformaEProject: { ok: true, type: 'story_created', title: 'Login' },
    velofluxMetrics: { ok: true, type: 'metrics', healthy: 'number' },
  });
}

/** One fatal, typed `auth` error; the client is closed; at most the one retry with fresh credentials. */
function expectOneFatalAuthError(line: SmokeLine, maxFetches: number): void {
  const errors = line.errors as { feedkitError: boolean; code: string; fatal: boolean }[];
  expect(
    { count: line.errorCount, errors: errors.map((e) => [e.feedkitError, e.code, e.fatal]) },
    `errors of '${line.case}': ${line.errorCount} of kinds ${JSON.stringify(line.kinds)} in ${line.attempts} attempts, close codes seen ${JSON.stringify(line.closeCodes)}; first: ${JSON.stringify(errors[0])}`,
  ).toEqual({ count: 1, errors: [[true, 'auth', true]] });
  expect({ closed: line.closed, status: line.status }).toEqual({ closed: true, status: 'closed' });
  expect(line.attempts, 'connection attempts').toBeLessThanOrEqual(2);
  expect(line.fetches, 'REST calls (logins)').toBeLessThanOrEqual(maxFetches);
}

async function restartReplays(ctx: Context): Promise<void> {
  await ctx.run.next('restart-ready');
  const { server } = ctx;
  const held = (cs: readonly ConnectionInfo[]) =>
    cs.filter(
      (c) =>
        (c.system === 'takhin' && c.subscriptions.join() === 'topic:orders') ||
        (c.system === 'helios' && c.subscriptions.join() === 'state_changes'),
    );
  const before = held(await server.waitForConnections((cs) => held(cs).length === 2));
  await server.restart();
  // The server's view: new connections, each with exactly the subscriptions held before.
  await server.waitForConnections((cs) => {
    const current = held(cs);
    return current.length === 2 && current.every((c) => before.every((b) => b.id !== c.id));
  });
  emitFeedEvents(server);
  server.emit('helios', {
    type: 'state_change',
    timestamp: now(),
    data: { old_state: 'Follower', new_state: 'Leader', term: 6 },
  });
  const line = await ctx.run.next('restart');
  expect(line.results).toEqual({
    metricsAfter: { ok: true, type: 'metrics' },
    takhinTopic: { ok: true, type: 'topic_created', name: 'orders' },
    heliosStateChange: { ok: true, type: 'state_change', newState: 'Leader' },
  });
  expect(line.reconnecting).toBeGreaterThanOrEqual(2);
  expect(line.states).toEqual(['open', 'open']);
  expect(line.fatal).toEqual([]);
}

function socketSuite(runtime: SmokeRuntime, socket: SmokeConfig['socket']): void {
  const ctx = {} as Context;
  beforeAll(async () => {
    assertFreshBuild();
    ctx.server = await startReferenceServer({
      timeScale: 0.01,
      seed: 1,
      simulate: false,
      takhinApiKey: TAKHIN_API_KEY,
    });
    ctx.config = {
      runtime: runtime.name,
      socket,
      url: ctx.server.wsUrl,
      takhinApiKey: TAKHIN_API_KEY,
      clientId: `smoke-${runtime.versionKey}-${socket}`,
    };
    ctx.run = new SmokeRun(runtime, ctx.config);
    const start = await ctx.run.next('start');
    expect(start.versions, 'the probe runs on the runtime it is meant for').toHaveProperty(
      runtime.versionKey,
    );
  });
  afterAll(async () => {
    ctx.run?.kill();
    await ctx.run?.exited;
    await ctx.server?.stop();
  });

  it('typed feeds on all five systems deliver a message', () => typedFeeds(ctx));

  it('Helios wrong password: one fatal typed auth error, no login loop', async () => {
    const line = await ctx.run.next('auth');
    expect(line.case).toBe('wrong password');
    expectOneFatalAuthError(line, 2);
  });

  it('Helios bad static token: one fatal typed auth error, no reconnect loop', async () => {
    const line = await ctx.run.next('auth');
    expect(line.case).toBe('bad static token');
    expectOneFatalAuthError(line, 0);
  });

  it('after restart() the client reconnects, replays its subscriptions, data flows', () =>
    restartReplays(ctx));

  it('the probe finishes and exits 0', async () => {
    await ctx.run.next('done');
    expect(await ctx.run.exited).toBe(0);
  });
}

/**
 * The smoke suite of one runtime: the built client, imported as a user
 * would, against the reference server on port 0, with the default
 * WebSocket and (where the runtime has one) the runtime's own.
 */
export function runtimeSmokeSuite(runtime: SmokeRuntime): void {
  describe(`@feedkit/client on ${runtime.name}`, () => {
    describe('default WebSocket', () => socketSuite(runtime, 'default'));
    if (runtime.nativeWebSocket) {
      describe("the runtime's own WebSocket", () => socketSuite(runtime, 'native'));
    }
  });
}
