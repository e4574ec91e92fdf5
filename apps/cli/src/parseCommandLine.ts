import { parseArgs } from 'node:util';
import type { SystemName } from '@feedkit/protocol';
import { canonicalFeedName, feedCatalog, systemNames } from './feedCatalog';
import type { TailOptions } from './TailOptions';

/** The reference server's default address (`pnpm server`). */
export const DEFAULT_URL = 'http://localhost:8080';

/** What the command line asks for; never throws. */
export type CommandLine =
  | { readonly kind: 'tail'; readonly options: TailOptions; readonly feedArgs: readonly unknown[] }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly message: string };

const optionSpec = {
  url: { type: 'string' },
  token: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  'api-key': { type: 'string' },
  project: { type: 'string' },
  level: { type: 'string' },
  room: { type: 'string' },
  type: { type: 'string' },
  topic: { type: 'string' },
  group: { type: 'string' },
  'client-id': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function helpText(): string {
  const feeds = systemNames
    .map((system) => {
      const lines = Object.entries(feedCatalog[system]).map(
        ([name, feed]) =>
          `    ${name.padEnd(14)} ${feed.description}${feed.needs ? `  ${feed.needs}` : ''}`,
      );
      return `  ${system}\n${lines.join('\n')}`;
    })
    .join('\n');
  return `Usage: feedkit tail <system> <feed> [options]

Prints the live messages of one feed: aligned columns on a terminal, one
JSON object per line with --json. Connection state goes to stderr.

Options:
  --url <url>          server base URL (http, https, ws or wss)  [${DEFAULT_URL}]
  --token <jwt>        Helios bearer token
  --user <name>        Helios login (with --password)
  --password <pw>      Helios password
  --api-key <key>      Takhin API key
  --project <id>       Plataforma E project (feed: project)
  --level <level>      Plataforma E minimum log level (feed: logs)  [info]
  --room <name>        Active Immune Core room (feed: room)
  --type <event_type>  Active Immune Core event type (feed: eventType)
  --topic <name>       Takhin topic (feed: topic)
  --group <id>         Takhin consumer group (feed: consumerGroup)
  --client-id <id>     Active Immune Core client_id  [feedkit-cli-<pid>]
  --json               one JSON object per line
  -h, --help           this text

Exit codes: 0 after Ctrl-C, 1 connection failure, 2 usage error, 3 authentication refused.

Systems and feeds:
${feeds}

Examples:
  feedkit tail takhin metrics
  feedkit tail helios status --user admin --password admin123
  feedkit tail plataforma-e logs --level warning --json | jq .data.message
`;
}

const isSystem = (name: string): name is SystemName =>
  (systemNames as readonly string[]).includes(name);

/** Checks that `url` is an absolute http(s) or ws(s) URL; returns the problem, if any. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not a URL; expected something like ${DEFAULT_URL}`;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
    return `'${url}' has scheme '${parsed.protocol}'; use http, https, ws or wss`;
  }
  return undefined;
}

/** Parses `process.argv.slice(2)`. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help', text: helpText() };

  const [command, system, feedTyped, ...rest] = positionals;
  if (command !== 'tail') {
    return { kind: 'usage-error', message: `unknown command '${command}'; try 'feedkit tail'` };
  }
  if (!system || !isSystem(system)) {
    return {
      kind: 'usage-error',
      message: `${system ? `unknown system '${system}'` : 'missing <system>'}; one of ${systemNames.join(', ')}`,
    };
  }
  const feedNames = Object.keys(feedCatalog[system]);
  if (!feedTyped) {
    return {
      kind: 'usage-error',
      message: `missing <feed>; ${system} has ${feedNames.join(', ')}`,
    };
  }
  const feed = canonicalFeedName(system, feedTyped);
  if (!feed) {
    return {
      kind: 'usage-error',
      message: `${system} has no feed '${feedTyped}'; one of ${feedNames.join(', ')}`,
    };
  }
  if (rest.length > 0) {
    return { kind: 'usage-error', message: `unexpected argument '${rest[0]}'` };
  }

  const url = values.url ?? DEFAULT_URL;
  const badUrl = urlProblem(url);
  if (badUrl) return { kind: 'usage-error', message: badUrl };
  if ((values.user === undefined) !== (values.password === undefined)) {
    return { kind: 'usage-error', message: '--user and --password go together' };
  }
  if (values.token !== undefined && values.user !== undefined) {
    return { kind: 'usage-error', message: 'give either --token or --user/--password, not both' };
  }

  const options: TailOptions = {
    system,
    feed,
    url,
    token: values.token,
    user: values.user,
    password: values.password,
    apiKey: values['api-key'],
    project: values.project,
    level: values.level,
    room: values.room,
    type: values.type,
    topic: values.topic,
    group: values.group,
    clientId: values['client-id'],
    json: values.json,
  };
  const args = feedCatalog[system][feed]!.args(options);
  if (typeof args === 'string') return { kind: 'usage-error', message: args };
  return { kind: 'tail', options, feedArgs: args };
}
