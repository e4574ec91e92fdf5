import { describe, expect, it } from 'vitest';
import { PlataformaE } from '../src/index';
import { envelope, seedStructure } from './support/plataformaESeed';

const { adapter, levelAtLeast } = PlataformaE;

describe('Plataforma E reconcile', () => {
  const set = (...items: string[]) => new Set(items);
  it.each([
    ['add', set(), set('project:PROJ-001'), [{ action: 'subscribe', project_id: 'PROJ-001' }]],
    ['remove', set('project:PROJ-001'), set(), [{ action: 'unsubscribe', project_id: 'PROJ-001' }]],
    [
      'replay from empty',
      set(),
      set('project:PROJ-001', 'project:PROJ-002'),
      [
        { action: 'subscribe', project_id: 'PROJ-001' },
        { action: 'subscribe', project_id: 'PROJ-002' },
      ],
    ],
    [
      'swap: unsubscribe first, then subscribe',
      set('project:PROJ-001'),
      set('project:PROJ-002'),
      [
        { action: 'unsubscribe', project_id: 'PROJ-001' },
        { action: 'subscribe', project_id: 'PROJ-002' },
      ],
    ],
    ['no change', set('project:PROJ-001'), set('project:PROJ-001'), []],
    ['empty to empty', set(), set(), []],
    ['topics that are not projects are ignored', set('logs'), set('group:x'), []],
    [
      'a project id may contain a colon',
      set(),
      set('project:org:1'),
      [{ action: 'subscribe', project_id: 'org:1' }],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(adapter.reconcile(before, after)).toEqual(expected);
  });
});

describe('Plataforma E feeds', () => {
  const decoded = (frame: string) => {
    const result = adapter.decode(frame);
    if (result.kind !== 'message') throw new Error(`vector must decode: ${frame}`);
    return result.message;
  };
  const story1 = decoded(seedStructure);
  // Names its project only inside `data`, as chat events do.
  const chat2 = decoded(
    envelope('chat_message', { preview: 'Oi', project_id: 'PROJ-002', story_id: 'STR-9' }),
  );
  const jobNoProject = decoded(envelope('job_started', { job_id: 'J', status: 'running' }));
  const subscribed1 = decoded(
    envelope('subscribed', { project_id: 'PROJ-001' }, { project_id: 'PROJ-001' }),
  );
  const heartbeat = decoded(envelope('heartbeat', {}));
  const log = (level: string) => decoded(envelope('log_message', { level, message: 'x' }));

  const systemError = decoded(envelope('error', { message: 'Worker down', code: 'WORKER_DOWN' }));

  it('notifications: every data message, nothing else', () => {
    const feed = adapter.feeds.notifications();
    expect([feed.key, feed.path, feed.topics]).toEqual([
      'plataforma-e:notifications',
      '/ws/notifications',
      [],
    ]);
    expect([story1, chat2, jobNoProject, log('info')].map(feed.accepts)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([subscribed1, heartbeat].map(feed.accepts)).toEqual([false, false]);
  });

  it('notifications: the system error event of "Eventos de Sistema" too, with its message and code', () => {
    // Also reported on errors$ by the client (its role stays `error`: it may answer a command).
    expect(adapter.roleOf(systemError)).toBe('error');
    expect(adapter.feeds.notifications().accepts(systemError)).toBe(true);
    // A project feed keeps only its project's: an error naming none is not PROJ-001's.
    expect(adapter.feeds.project('PROJ-001').accepts(systemError)).toBe(false);
  });

  it('project: shares the notifications socket and only sees its own project', () => {
    const p1 = adapter.feeds.project('PROJ-001');
    const p2 = adapter.feeds.project('PROJ-002');
    expect([p1.key, p1.path, p1.topics]).toEqual([
      'plataforma-e:project:PROJ-001',
      '/ws/notifications',
      ['project:PROJ-001'],
    ]);
    expect([story1, chat2, jobNoProject, subscribed1].map(p1.accepts)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([story1, chat2, jobNoProject].map(p2.accepts)).toEqual([false, true, false]);
  });

  it.each([
    ['debug', ['debug', 'info', 'warning', 'error', 'critical']],
    ['info', ['info', 'warning', 'error', 'critical']],
    ['warning', ['warning', 'error', 'critical']],
    ['critical', ['critical']],
  ] as const)('logs({ level: %s }) is a minimum level', (level, expected) => {
    const feed = adapter.feeds.logs({ level });
    expect(feed.path).toBe(`/ws/logs?level=${level}`);
    expect(feed.key).toBe(`plataforma-e:logs:${level}`);
    expect(PlataformaE.LOG_LEVELS.filter((l) => feed.accepts(log(l)))).toEqual(expected);
    expect(feed.accepts(story1)).toBe(false);
  });

  it('logs() defaults to info, the level of the seed example', () => {
    expect(adapter.feeds.logs().path).toBe('/ws/logs?level=info');
    expect(adapter.feeds.logs().key).toBe(adapter.feeds.logs({ level: 'info' }).key);
  });

  it.each([
    ['debug', 'debug', true],
    ['info', 'debug', true],
    ['debug', 'info', false],
    ['critical', 'error', true],
    ['warning', 'error', false],
  ] as const)('levelAtLeast(%s, %s) = %s', (a, b, expected) => {
    expect(levelAtLeast(a, b)).toBe(expected);
  });
});
