import { describe, expect, it } from 'vitest';
import { plataformaEExamples } from '../src/examples/index';
import { PlataformaE } from '../src/index';
import {
  isoSpellings,
  oddMessages,
  withExtraFields,
  withFields,
  withFloats,
} from './support/drift';

const { adapter } = PlataformaE;

const envelope = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  type,
  data,
  timestamp: '2025-01-15T10:30:00Z',
  message_id: 'abc123',
  ...extra,
});
const story = plataformaEExamples.story_created;
const progress = envelope('job_progress', { job_id: 'J-1', progress: 40, status: 'running' });
const log = envelope('log_message', { level: 'info', message: 'Build iniciado', source: 'CI/CD' });
const stats = envelope('stats', {
  active_connections: 5,
  active_projects: 2,
  total_connections: 150,
  total_messages_sent: 1234,
  total_broadcasts: 89,
  connections_per_project: { 'PROJ-001': 3 },
});

describe('Plataforma E tolerant reader: drifted messages still decode, unknown fields kept', () => {
  it.each<[string, unknown]>([
    // Issue 11: an independent server's `connection` event has no `connection_id`
    // (the seed names no fields for it), and every (re)connect reported a decode error.
    ['connection without connection_id', envelope('connection', { client: 'web' })],
    ['connection with no data at all', { type: 'connection', timestamp: '2025-01-15T10:30:00Z' }],
    ['heartbeat with data: null', envelope('heartbeat', null)],
    ['pong without data', { type: 'pong', timestamp: '2025-01-15T10:30:00Z' }],
    ['subscribed without project_id', envelope('subscribed', { group: 'project_PROJ-001' })],
    ['story_created with extra fields at every level', withExtraFields(story)],
    ['story_created without message_id', withFields(story, ['message_id'], undefined)],
    [
      'story_created with null project_id and story_id',
      withFields(story, ['project_id', 'story_id', 'message_id'], null),
    ],
    ['job_progress with a fractional progress', withFloats(progress)],
    ['job_progress over 100 % (a rounding server)', withFields(progress, ['data.progress'], 100.4)],
    ['job_progress with output: null', withFields(progress, ['data.output'], null)],
    ['log_message in upper case', withFields(log, ['data.level'], 'INFO')],
    ['log_message at a level the seed does not name', withFields(log, ['data.level'], 'trace')],
    ['log_message without source', withFields(log, ['data.source'], undefined)],
    [
      'notification without level (the seed broadcast example)',
      envelope('notification', { title: 'Aviso', message: 'Manutencao em 5 minutos' }),
    ],
    [
      'stats with extra fields and floats',
      withFloats(withExtraFields(stats, ['connections_per_project'])),
    ],
    ...isoSpellings.map((t): [string, unknown] => [
      `story_created stamped ${t}`,
      { ...story, timestamp: t },
    ]),
  ])('%s', (_name, value) => {
    expect(adapter.decode(JSON.stringify(value))).toEqual({ kind: 'message', message: value });
  });

  it.each<[string, unknown, PropertyKey[]]>([
    ['a table field missing', withFields(story, ['data.title'], undefined), ['data', 'title']],
    [
      'a number where the table promises an id string',
      withFields(story, ['data.story_id'], 1),
      ['data', 'story_id'],
    ],
    ['no timestamp', withFields(story, ['timestamp'], undefined), ['timestamp']],
  ])('still an invalid_message: %s', (_name, value, path) => {
    const result = adapter.decode(JSON.stringify(value));
    expect(result.kind === 'error' && result.error.path).toEqual(path);
  });
});

describe('Plataforma E feeds: accepts is total and routes drifted data', () => {
  const specs = [
    adapter.feeds.notifications(),
    adapter.feeds.project('PROJ-001'),
    adapter.feeds.logs({ level: 'warning' }),
  ];
  it.each(oddMessages.map((m) => [JSON.stringify(m) ?? 'undefined', m]))(
    'no feed throws on %s',
    (_name, message) => {
      for (const spec of specs) expect(() => spec.accepts(message)).not.toThrow();
    },
  );

  it.each([
    ['ERROR', true],
    ['Warning', true],
    ['WARN', true],
    ['fatal', true],
    ['INFO', false],
    ['debug', false],
    // The server filtered by ?level= already; a level feedkit cannot rank is kept, not dropped.
    ['trace', true],
  ])('logs({ level: warning }) takes a %s line: %s', (level, expected) => {
    const feed = adapter.feeds.logs({ level: 'warning' });
    expect(feed.accepts(withFields(log, ['data.level'], level))).toBe(expected);
  });

  it('a project event with null ids in the envelope still routes by data.project_id', () => {
    const drifted = withFields(story, ['project_id', 'story_id'], null);
    expect(adapter.feeds.project('PROJ-001').accepts(drifted)).toBe(true);
    expect(adapter.feeds.project('PROJ-002').accepts(drifted)).toBe(false);
  });
});
