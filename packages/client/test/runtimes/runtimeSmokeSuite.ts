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

interface RefusedCase {
  readonly maxFetches: number;
  /** The HTTP status the error must carry, where the client can see it. */
  readonly status: number | undefined;
  /** The credential that was refused: it appears in no error, message or URL. */
  readonly secret: string;
}

/** One fatal, typed `auth` error; the client is closed; at most the one retry with fresh credentials. */
function expectOneFatalAuthError(line: SmokeLine, refused: RefusedCase): void {
  const errors = line.errors as {
    feedkitError: boolean;
    code: string;
    fatal: boolean;
    status?: number;
  }[];
  expect(
    { count: line.errorCount, errors: errors.map((e) => [e.feedkitError, e.code, e.fatal]) },
    `errors of '${line.case}': ${line.errorCount} of kinds ${JSON.stringify(line.kinds)} in ${line.attempts} attempts, close codes seen ${JSON.stringify(line.closeCodes)}; first: ${JSON.stringify(errors[0])}`,
  ).toEqual({ count: 1, errors: [[true, 'auth', true]] });
  expect({ closed: line.closed, status: line.status }).toEqual({ closed: true, status: 'closed' });
  expect(line.attempts, 'connection attempts').toBeLessThanOrEqual(2);
  expect(line.fetches, 'REST calls (logins)').toBeLessThanOrEqual(refused.maxFetches);
  if (refused.status !== undefined) {
    expect(errors[0]?.status, `the refusal's HTTP status as error.status (401 vs 403)`).toBe(
      refused.status,
    );
  }
  expect(JSON.stringify(line)).not.toContain(refused.secret);
}

/** The subscription each restart-probe client holds, as the server names it. */
const HELD: Readonly<Record<string, string>> = {
  takhin: 'topic:orders',
  helios: 'state_changes',
  'active-immune-core': 'room:agents',
  'plataforma-e': 'project:PROJ-001',
};

async function restartReplays(ctx: Context): Promise<void> {
  await ctx.run.next('restart-ready');
  const { server } = ctx;
  const held = (cs: readonly ConnectionInfo[]) =>
    cs.filter((c) => c.subscriptions.join() === HELD[c.system]);
  const all = Object.keys(HELD).length;
  const before = held(await server.waitForConnections((cs) => held(cs).length === all));
  await server.restart();
  // The server's view: new connections, each with exactly the subscription held before.
  await server.waitForConnections((cs) => {
    const current = held(cs);
    return current.length === all && current.every((c) => before.every((b) => b.id !== c.id));
  });
  emitFeedEvents(server);
  server.emit('helios', {
    type: 'state_change',
    timestamp: now(),
    data: { old_state: 'Follower', new_state: 'Leader', term: 6 },
  });
  const line = await ctx.run.next('restart');
  expect(line.results).toEqual({
    takhinMetrics: { ok: true, type: 'metrics' },
    velofluxMetrics: { ok: true, type: 'metrics' },
    takhinTopic: { ok: true, type: 'topic_created' },
    heliosStateChange: { ok: true, type: 'state_change' },
    aicRoom: { ok: true, type: 'agent_created' },
    plataformaEProject: { ok: true, type: 'story_created' },
  });
  expect(line.states).toEqual(['open', 'open', 'open', 'open', 'open']);
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
      badPassword: 'smoke-refused-password',
      badToken: 'smoke-refused-static-token',
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
    // The login is REST, so its 401 is visible whatever the socket.
    expectOneFatalAuthError(line, { maxFetches: 2, status: 401, secret: ctx.config.badPassword });
  });

  it('Helios bad static token: one fatal typed auth error, no reconnect loop', async () => {
    const line = await ctx.run.next('auth');
    expect(line.case).toBe('bad static token');
    // `ws` (the default outside browsers) sees the upgrade's 401; a runtime's own WebSocket
    // cannot, so the client asks the server with a plain GET (probeUpgrade) and finds the same 401.
    expectOneFatalAuthError(line, { maxFetches: 0, status: 401, secret: ctx.config.badToken });
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
