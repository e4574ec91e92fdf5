import { describe, expect, it } from 'vitest';
import { DEFAULT_URL, parseCommandLine } from '../src/parseCommandLine';

describe('parseCommandLine', () => {
  it('reads system, feed and defaults', () => {
    const parsed = parseCommandLine(['tail', 'takhin', 'metrics']);
    expect(parsed).toMatchObject({
      kind: 'tail',
      options: { system: 'takhin', feed: 'metrics', url: DEFAULT_URL, json: false },
      feedArgs: [],
    });
  });

  it.each([
    ['state-changes', 'stateChanges'],
    ['state_changes', 'stateChanges'],
    ['stateChanges', 'stateChanges'],
    ['CUSTOM-METRICS', 'customMetrics'],
  ])('accepts the feed spelling %s', (typed, feed) => {
    const parsed = parseCommandLine(['tail', 'helios', typed, '--token', 't']);
    expect(parsed).toMatchObject({ kind: 'tail', options: { feed } });
  });

  it.each([
    [['tail', 'plataforma-e', 'project', '--project', 'PROJ-001'], ['PROJ-001']],
    [['tail', 'plataforma-e', 'logs'], [{ level: 'info' }]],
    [['tail', 'plataforma-e', 'logs', '--level', 'warning'], [{ level: 'warning' }]],
    [['tail', 'active-immune-core', 'room', '--room', 'agents'], ['agents']],
    [['tail', 'active-immune-core', 'event-type', '--type', 'task_created'], ['task_created']],
    [['tail', 'takhin', 'topic', '--topic', 'orders'], ['orders']],
    [['tail', 'takhin', 'consumer-group', '--group', 'g1'], ['g1']],
  ])('turns options into feed arguments: %j', (argv, feedArgs) => {
    expect(parseCommandLine(argv)).toMatchObject({ kind: 'tail', feedArgs });
  });

  it('keeps every option it was given', () => {
    const parsed = parseCommandLine([
      'tail',
      'helios',
      'status',
      '--url',
      'ws://127.0.0.1:9000',
      '--user',
      'admin',
      '--password',
      'admin123',
      '--json',
    ]);
    expect(parsed).toMatchObject({
      kind: 'tail',
      options: { url: 'ws://127.0.0.1:9000', user: 'admin', password: 'admin123', json: true },
    });
  });

  it.each([
    [[], 'help'],
    [['--help'], 'help'],
    [['tail', 'takhin', 'metrics', '-h'], 'help'],
  ])('shows help for %j', (argv, kind) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.kind).toBe(kind);
    if (parsed.kind === 'help') expect(parsed.text).toContain('feedkit tail <system> <feed>');
  });

  it.each([
    [['watch', 'takhin', 'metrics'], "unknown command 'watch'"],
    [['tail'], 'missing <system>'],
    [['tail', 'kafka', 'metrics'], "unknown system 'kafka'"],
    [['tail', 'takhin'], 'missing <feed>; takhin has metrics, topic, consumerGroup'],
    [['tail', 'takhin', 'nope'], "takhin has no feed 'nope'"],
    [['tail', 'takhin', 'metrics', 'extra'], "unexpected argument 'extra'"],
    [['tail', 'takhin', 'metrics', '--bogus'], "Unknown option '--bogus'"],
    [['tail', 'takhin', 'metrics', '--url'], "Option '--url <value>' argument missing"],
    [['tail', 'takhin', 'metrics', '--url', 'not a url'], "'not a url' is not a URL"],
    [['tail', 'takhin', 'metrics', '--url', 'ftp://x'], "scheme 'ftp:'"],
    [['tail', 'helios', 'status', '--user', 'admin'], '--user and --password go together'],
    [['tail', 'helios', 'status', '--token', 't', '--user', 'a', '--password', 'b'], 'not both'],
    [['tail', 'plataforma-e', 'project'], 'this feed needs --project <project>'],
    [['tail', 'plataforma-e', 'logs', '--level', 'loud'], '--level must be one of debug, info'],
    [['tail', 'active-immune-core', 'room'], 'needs --room'],
    [['tail', 'active-immune-core', 'eventType', '--type', 'nope'], '--type must be one of'],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toContain(message);
  });
});
