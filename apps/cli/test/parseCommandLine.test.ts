import { describe, expect, it } from 'vitest';
import { DEFAULT_URL, normalizeUrl, parseCommandLine as parse } from '../src/parseCommandLine';

/** No FEEDKIT_* variable of the machine running the tests leaks in. */
const parseCommandLine = (argv: readonly string[], env: Record<string, string> = {}) =>
  parse(argv, {
    env,
    readFile: (path) => {
      if (path === 'token.txt') return 'file-token\n';
      if (path === 'empty.txt') return '  ';
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    },
  });

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
    [['tail', 'takhin', 'metrics', '--bogus'], "unknown option '--bogus'"],
    [['tail', 'takhin', 'metrics', '--urll', 'x'], "unknown option '--urll'; did you mean --url?"],
    [['tail', 'takhin', 'metrics', '--apikey', 'x'], 'did you mean --api-key?'],
    [['tail', 'takhin', 'metrics', '--url'], "Option '--url <value>' argument missing"],
    [['tail', 'takhin', 'metrics', '--url', 'not a url'], "'not a url' is not a URL"],
    [['tail', 'takhin', 'metrics', '--url', 'ftp://x'], "scheme 'ftp:'"],
    [
      ['tail', 'helios', 'status', '--user', 'admin'],
      '--user admin needs a password: FEEDKIT_PASSWORD',
    ],
    [['tail', 'helios', 'status'], 'helios needs credentials: --user <name> with FEEDKIT_PASSWORD'],
    [
      ['tail', 'helios', 'status', '--token-file', 'missing.txt'],
      'cannot read --token-file missing.txt: ENOENT',
    ],
    [['tail', 'helios', 'status', '--token-file', 'empty.txt'], '--token-file empty.txt is empty'],
    [['record', 'takhin', 'metrics'], 'record needs --out <file.jsonl>'],
    [
      ['record', 'takhin', 'metrics', '--out', 'x', '--limit', '0'],
      '--limit must be a positive number',
    ],
    [['doctor'], 'doctor needs the server URL'],
    [['doctor', 'localhost:8080'], 'doctor needs --system'],
    [['tail', 'helios', 'status', '--token', 't', '--user', 'a', '--password', 'b'], 'not both'],
    [['tail', 'takhin', 'metrics', '--url', 'http://'], 'is not a URL'],
    [['tail', 'plataforma-e', 'project'], 'this feed needs --project <project>'],
    [['tail', 'plataforma-e', 'logs', '--level', 'loud'], '--level must be one of debug, info'],
    [['tail', 'active-immune-core', 'room'], 'needs --room'],
    [['tail', 'active-immune-core', 'eventType', '--type', 'nope'], '--type must be one of'],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toContain(message);
  });

  it('takes secrets from a file, then the environment, then the command line (with a warning)', () => {
    expect(
      parseCommandLine(['tail', 'helios', 'status', '--token-file', 'token.txt'], {
        FEEDKIT_TOKEN: 'env',
      }),
    ).toMatchObject({
      options: { token: 'file-token' },
      warnings: [],
    });
    expect(
      parseCommandLine(['tail', 'helios', 'status'], { FEEDKIT_TOKEN: 'env-token' }),
    ).toMatchObject({
      options: { token: 'env-token' },
    });
    expect(
      parseCommandLine(['tail', 'helios', 'status', '--user', 'admin'], { FEEDKIT_PASSWORD: 'pw' }),
    ).toMatchObject({
      options: { user: 'admin', password: 'pw', token: undefined },
    });
    expect(parseCommandLine(['tail', 'takhin', 'metrics'], { FEEDKIT_API_KEY: 'k' })).toMatchObject(
      { options: { apiKey: 'k' } },
    );
    const inline = parseCommandLine(['tail', 'takhin', 'metrics', '--api-key', 'k']);
    expect(inline).toMatchObject({ options: { apiKey: 'k' } });
    if (inline.kind === 'tail')
      expect(inline.warnings[0]).toMatch(/--api-key on the command line is visible to ps/);
  });

  it.each([
    ['localhost:8080', 'http://localhost:8080'],
    ['127.0.0.1:9000/base', 'http://127.0.0.1:9000/base'],
    ['wss://feeds.example', 'wss://feeds.example'],
  ])('reads the URL %s as %s', (input, url) => {
    expect(normalizeUrl(input)).toEqual({ url });
  });

  it('reads record and doctor', () => {
    expect(
      parseCommandLine([
        'record',
        'takhin',
        'metrics',
        'topic',
        '--topic',
        'orders',
        '-o',
        'x.jsonl',
        '--duration',
        '2',
      ]),
    ).toMatchObject({
      kind: 'record',
      options: {
        feeds: [
          { name: 'metrics', args: [] },
          { name: 'topic', args: ['orders'] },
        ],
        out: 'x.jsonl',
        durationMs: 2000,
      },
    });
    expect(parseCommandLine(['doctor', 'localhost:8080', '--system', 'helios'])).toMatchObject({
      kind: 'doctor',
      options: { system: 'helios', url: 'http://localhost:8080', durationMs: 5000, json: false },
    });
  });
});
