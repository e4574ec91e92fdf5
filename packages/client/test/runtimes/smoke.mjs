// The client's smoke probe, run by Node, Bun and Deno alike: plain ESM that
// imports the BUILT package by its name, exactly as a user's script would.
// It reports facts as JSON lines on stdout; `runtimeSmoke.ts` (the vitest
// side) drives the reference server and makes every assertion.
import process from 'node:process';
import {
  activeImmuneCore,
  createClient,
  FeedkitError,
  helios,
  plataformaE,
  takhin,
  veloflux,
} from '@feedkit/client';

const config = JSON.parse(process.env.FEEDKIT_SMOKE ?? '{}');
/** How long the probe waits for any one thing before it reports a timeout (CI runs packages side by side on 2 cores). */
const WAIT_MS = 12_000;
const clients = [];

function report(step, facts) {
  process.stdout.write(`${JSON.stringify({ step, ...facts })}\n`);
}

/** The WebSocket option as a user of this runtime would set it: the runtime's own, or none. */
function socketOption() {
  if (config.socket === 'default') return {};
  if (typeof globalThis.WebSocket !== 'function') {
    throw new Error(`this runtime has no global WebSocket (socket: ${config.socket})`);
  }
  return { WebSocket: globalThis.WebSocket };
}

function client(protocol, extra = {}) {
  const c = createClient({
    url: config.url,
    protocol,
    backoff: () => 0,
    linger: 0,
    // The server runs at TIME_SCALE 0.01: ping on the same scale.
    heartbeat: { intervalMs: 200, timeoutMs: 2000 },
    ...socketOption(),
    ...extra,
  });
  clients.push(c);
  return c;
}

/** The first value of `source` that satisfies `predicate`, or a rejection naming `what` after WAIT_MS. */
function first(source, what, predicate = () => true) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      reject(new Error(`timeout: no ${what} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    subscription = source.subscribe({
      next: (value) => {
        if (!predicate(value)) return;
        clearTimeout(timer);
        queueMicrotask(() => subscription?.unsubscribe());
        resolve(value);
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
  });
}

/** A settled outcome as plain JSON: the value's facts, or the error's message. */
async function settle(promise, facts) {
  try {
    return { ok: true, ...facts(await promise) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  return {
    feedkitError: error instanceof FeedkitError,
    code: error.code,
    status: error.status,
    fatal: error.fatal,
    closeCode: error.closeCode,
    message: error.message,
  };
}

const typeOf = (m) => ({ type: m.type ?? m.event_type });

/** (1) One typed message from every system, with the credentials each one takes. */
async function feeds() {
  const t = client(takhin({ apiKey: config.takhinApiKey }));
  const h = client(helios({ username: 'admin', password: 'admin123' }));
  const a = client(activeImmuneCore({ clientId: config.clientId }));
  const p = client(plataformaE());
  const v = client(veloflux());
  const pending = {
    takhinMetrics: settle(first(t.feed('metrics'), 'Takhin metrics'), (m) => ({
      ...typeOf(m),
      produceP99: typeof m.data.latency.produceP99,
    })),
    takhinTopic: settle(first(t.feed('topic', 'orders'), 'Takhin topic event'), (m) => ({
      ...typeOf(m),
      name: m.data.name,
    })),
    heliosStatus: settle(first(h.feed('status'), 'Helios status'), (m) => ({
      ...typeOf(m),
      peers: Array.isArray(m.data.peers),
    })),
    aicRoom: settle(first(a.feed('room', 'agents'), 'AIC room event'), (m) => ({
      ...typeOf(m),
      agentId: m.data.agent_id,
    })),
    plataformaEProject: settle(first(p.feed('project', 'PROJ-001'), 'Plataforma E story'), (m) => ({
      ...typeOf(m),
      title: m.data.title,
    })),
    velofluxMetrics: settle(first(v.feed('metrics'), 'VeloFlux metrics'), (m) => ({
      ...typeOf(m),
      healthy: typeof m.data.healthy_backends,
    })),
  };
  // The test now sees the subscriptions on the server and emits the events they wait for.
  report('feeds-subscribed', {});
  const results = {};
  for (const [name, outcome] of Object.entries(pending)) results[name] = await outcome;
  report('feeds', { results });
}

/**
 * Watches one client until it is closed for good (or WAIT_MS): its errors,
 * how many times it started connecting, and the REST logins it made.
 */
async function refused(name, protocol, counters) {
  const c = client(protocol, {
    backoff: () => 20,
    // Logins (POSTs) counted here so a login loop shows even where no socket is ever opened;
    // the GET a runtime's own WebSocket makes to learn a refused upgrade's status is no login.
    fetch: (input, init) => {
      if (init?.method === 'POST') counters.fetches++;
      return globalThis.fetch(input, init);
    },
  });
  const errors = [];
  c.errors$.subscribe((e) => errors.push(describeError(e)));
  // One `connecting` state per attempt (`reconnecting` is the wait before it).
  const attempts = new Set();
  // What the runtime's socket reported, as the client saw it (the symptom when a loop runs).
  const closeCodes = new Set();
  c.state$.subscribe((s) => {
    if (s.status === 'connecting') attempts.add(s.attempt);
    if (s.closeCode !== undefined) closeCodes.add(s.closeCode);
  });
  c.feed('status').subscribe({ error: () => {} });
  const closed = await settle(
    first(c.state$, 'closed state', (s) => s.status === 'closed'),
    () => ({}),
  );
  report('auth', {
    case: name,
    closed: closed.ok,
    status: c.state.status,
    attempts: attempts.size,
    closeCodes: [...closeCodes],
    fetches: counters.fetches,
    // Where a secret could leak: the connection's URL (a browser-style socket carries the token in its query).
    urls: c.state.connections.map((connection) => connection.url),
    errorCount: errors.length,
    // The first few in full; a loop shows in the count and the distinct kinds.
    errors: errors.slice(0, 3),
    kinds: [...new Set(errors.map((e) => `${e.code} fatal=${e.fatal} close=${e.closeCode}`))],
  });
  c.close();
}

/** (2) Refused credentials: one fatal typed `auth` error, then nothing more. */
async function auth() {
  await refused('wrong password', helios({ username: 'admin', password: config.badPassword }), {
    fetches: 0,
  });
  await refused('bad static token', helios({ token: config.badToken }), { fetches: 0 });
}

/** Counts the times `c` went `reconnecting`, and collects its errors into `errors`. */
function watch(c, errors) {
  const watched = { reconnecting: 0 };
  c.state$.subscribe((s) => {
    if (s.status === 'reconnecting') watched.reconnecting++;
  });
  c.errors$.subscribe((e) => errors.push(describeError(e)));
  return watched;
}

/** (3) After the server's restart every client reconnects, replays its subscriptions, data flows. */
async function restart() {
  const errors = [];
  const t = client(takhin({ apiKey: config.takhinApiKey }));
  const h = client(helios({ username: 'admin', password: 'admin123' }));
  const a = client(activeImmuneCore({ clientId: config.clientId }));
  const p = client(plataformaE());
  const v = client(veloflux());
  const [tw, vw] = [t, v].map((c) => watch(c, errors));
  for (const c of [h, a, p]) watch(c, errors);
  // Held through the restart, so their wire subscriptions must be replayed.
  const held = [
    t.feed('topic', 'orders'),
    h.feed('stateChanges'),
    a.feed('room', 'agents'),
    p.feed('project', 'PROJ-001'),
    v.feed('metrics'),
  ].map((feed) => feed.subscribe());
  await first(t.feed('metrics'), 'Takhin metrics before the restart');
  await first(v.feed('metrics'), 'VeloFlux metrics before the restart');
  // Only the test emits these events, and only after the restart.
  const pending = {
    takhinMetrics: settle(
      first(t.feed('metrics'), 'Takhin metrics after the restart', () => tw.reconnecting > 0),
      typeOf,
    ),
    velofluxMetrics: settle(
      first(v.feed('metrics'), 'VeloFlux metrics after the restart', () => vw.reconnecting > 0),
      typeOf,
    ),
    takhinTopic: settle(first(t.feed('topic', 'orders'), 'Takhin topic event'), typeOf),
    heliosStateChange: settle(first(h.feed('stateChanges'), 'Helios state change'), typeOf),
    aicRoom: settle(first(a.feed('room', 'agents'), 'AIC room event'), typeOf),
    plataformaEProject: settle(first(p.feed('project', 'PROJ-001'), 'Plataforma E story'), typeOf),
  };
  report('restart-ready', {});
  const results = {};
  for (const [name, outcome] of Object.entries(pending)) results[name] = await outcome;
  report('restart', {
    results,
    states: [t, h, a, p, v].map((c) => c.state.status),
    fatal: errors.filter((e) => e.fatal),
  });
  for (const s of held) s.unsubscribe();
}

try {
  report('start', {
    runtime: config.runtime,
    versions: process.versions,
    socket: config.socket,
    globalWebSocket: typeof globalThis.WebSocket === 'function',
  });
  await feeds();
  await auth();
  await restart();
  report('done', {});
} catch (error) {
  report('crash', { error: describeError(error), stack: error?.stack });
  process.exitCode = 1;
} finally {
  for (const c of clients) c.close();
}
