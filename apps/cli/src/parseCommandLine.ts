import { parseArgs } from 'node:util';
import type { KnownSystem } from '@feedkit/protocol';
import { canonicalFeedName, feedCatalog, systemNames } from './feedCatalog';
import { helpText } from './helpText';
import { readSecret, type SecretSources, secretSpecs } from './secrets';
import type {
  ConnectOptions,
  DoctorOptions,
  FeedParams,
  FeedRequest,
  RecordOptions,
  TailOptions,
} from './TailOptions';
import { unknownOptionMessage } from './unknownOptionMessage';

/** The reference server's default address (`pnpm server`). */
export const DEFAULT_URL = 'http://localhost:8080';

/** What the command line asks for; never throws. `warnings` go to stderr before the command runs. */
export type CommandLine =
  | {
      readonly kind: 'tail';
      readonly options: TailOptions;
      readonly feedArgs: readonly unknown[];
      readonly warnings: readonly string[];
    }
  | {
      readonly kind: 'record';
      readonly options: RecordOptions;
      readonly warnings: readonly string[];
    }
  | {
      readonly kind: 'doctor';
      readonly options: DoctorOptions;
      readonly warnings: readonly string[];
    }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly message: string };

type UsageError = Extract<CommandLine, { kind: 'usage-error' }>;
const usage = (message: string): UsageError => ({ kind: 'usage-error', message });

const optionSpec = {
  url: { type: 'string' },
  system: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  'password-file': { type: 'string' },
  'api-key': { type: 'string' },
  'api-key-file': { type: 'string' },
  project: { type: 'string' },
  level: { type: 'string' },
  room: { type: 'string' },
  type: { type: 'string' },
  topic: { type: 'string' },
  group: { type: 'string' },
  'client-id': { type: 'string' },
  out: { type: 'string', short: 'o' },
  limit: { type: 'string' },
  duration: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>
>['values'];

const isSystem = (name: string): name is KnownSystem =>
  (systemNames as readonly string[]).includes(name);

/**
 * `localhost:8080` -> `http://localhost:8080`; anything with a scheme is
 * kept. Returns the URL or the problem with it.
 */
export function normalizeUrl(url: string): { url: string } | { problem: string } {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { problem: `'${url}' is not a URL; expected something like ${DEFAULT_URL}` };
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
    return { problem: `'${url}' has scheme '${parsed.protocol}'; use http, https, ws or wss` };
  }
  if (parsed.hostname === '') return { problem: `'${url}' has no host` };
  return { url: withScheme };
}

/** The flags that would give `system` credentials, for messages. */
export function credentialFlags(system: KnownSystem): string | undefined {
  if (system === 'helios')
    return '--user <name> with FEEDKIT_PASSWORD (or --password-file <path>), or a token in FEEDKIT_TOKEN (or --token-file <path>)';
  if (system === 'takhin') return 'an API key in FEEDKIT_API_KEY (or --api-key-file <path>)';
  return undefined;
}

function connectOptions(
  system: KnownSystem,
  urlInput: string,
  values: Values,
  sources: SecretSources,
  /** Doctor reports missing credentials as a failed check instead. */
  requireCredentials = true,
): { options: ConnectOptions; warnings: string[] } | UsageError {
  const normalized = normalizeUrl(urlInput);
  if ('problem' in normalized) return usage(normalized.problem);
  const warnings: string[] = [];
  const secrets: Record<keyof typeof secretSpecs, string | undefined> = {
    token: undefined,
    password: undefined,
    apiKey: undefined,
  };
  for (const key of Object.keys(secretSpecs) as (keyof typeof secretSpecs)[]) {
    const result = readSecret(secretSpecs[key], values, sources);
    if ('error' in result) return usage(result.error);
    secrets[key] = result.value;
    if (result.warning) warnings.push(result.warning);
  }
  const user = values.user ?? (sources.env ?? process.env).FEEDKIT_USER;
  const explicitToken = values.token !== undefined || values['token-file'] !== undefined;
  if (system === 'helios') {
    if (user !== undefined && secrets.password === undefined)
      return usage(
        `--user ${user} needs a password: FEEDKIT_PASSWORD, --password-file <path> or --password`,
      );
    if (explicitToken && user !== undefined)
      return usage('give either a token or --user with a password, not both');
    if (requireCredentials && user === undefined && secrets.token === undefined)
      return usage(`helios needs credentials: ${credentialFlags('helios')}`);
  }
  return {
    options: {
      system,
      url: normalized.url,
      // A login beats a token from the environment: the user typed --user.
      token: user !== undefined && system === 'helios' ? undefined : secrets.token,
      user,
      password: secrets.password,
      apiKey: secrets.apiKey,
      clientId: values['client-id'],
    },
    warnings,
  };
}

const feedParams = (values: Values): FeedParams => ({
  project: values.project,
  level: values.level,
  room: values.room,
  type: values.type,
  topic: values.topic,
  group: values.group,
});

/** `system` and `feed` as typed into one catalog feed and its arguments. */
function feedRequest(
  system: KnownSystem,
  typed: string | undefined,
  params: FeedParams,
): FeedRequest | UsageError {
  const feedNames = Object.keys(feedCatalog[system]);
  if (!typed) return usage(`missing <feed>; ${system} has ${feedNames.join(', ')}`);
  const name = canonicalFeedName(system, typed);
  if (!name) return usage(`${system} has no feed '${typed}'; one of ${feedNames.join(', ')}`);
  const args = feedCatalog[system][name]!.args(params);
  return typeof args === 'string' ? usage(args) : { name, args };
}

function systemOf(name: string | undefined): KnownSystem | UsageError {
  if (name && isSystem(name)) return name;
  return usage(
    `${name ? `unknown system '${name}'` : 'missing <system>'}; one of ${systemNames.join(', ')}`,
  );
}

function positiveNumber(flag: string, value: string | undefined): number | undefined | UsageError {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0
    ? n
    : usage(`${flag} must be a positive number (got '${value}')`);
}

const isUsage = (value: unknown): value is UsageError =>
  typeof value === 'object' && value !== null && (value as UsageError).kind === 'usage-error';

/** Parses `process.argv.slice(2)`; secrets also come from `sources` (environment, files). */
export function parseCommandLine(
  argv: readonly string[],
  sources: SecretSources = {},
): CommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return usage(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? unknownOptionMessage(message, Object.keys(optionSpec))
        : message,
    );
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help', text: helpText(DEFAULT_URL) };
  const [command, ...rest] = positionals;
  if (command === 'tail') return parseTail(rest, values, sources);
  if (command === 'record') return parseRecord(rest, values, sources);
  if (command === 'doctor') return parseDoctor(rest, values, sources);
  return usage(`unknown command '${command}'; one of tail, record, doctor`);
}

function parseTail(rest: string[], values: Values, sources: SecretSources): CommandLine {
  const [systemTyped, feedTyped, extra] = rest;
  const system = systemOf(systemTyped);
  if (isUsage(system)) return system;
  const feed = feedRequest(system, feedTyped, feedParams(values));
  if (isUsage(feed)) return feed;
  if (extra !== undefined) return usage(`unexpected argument '${extra}'`);
  const connect = connectOptions(system, values.url ?? DEFAULT_URL, values, sources);
  if (isUsage(connect)) return connect;
  return {
    kind: 'tail',
    options: { ...connect.options, ...feedParams(values), feed: feed.name, json: values.json },
    feedArgs: feed.args,
    warnings: connect.warnings,
  };
}

function parseRecord(rest: string[], values: Values, sources: SecretSources): CommandLine {
  const [systemTyped, ...feedsTyped] = rest;
  const system = systemOf(systemTyped);
  if (isUsage(system)) return system;
  if (feedsTyped.length === 0) return feedRequest(system, undefined, {}) as UsageError;
  const feeds: FeedRequest[] = [];
  for (const typed of feedsTyped) {
    const feed = feedRequest(system, typed, feedParams(values));
    if (isUsage(feed)) return feed;
    feeds.push(feed);
  }
  if (!values.out) return usage('record needs --out <file.jsonl>');
  const limit = positiveNumber('--limit', values.limit);
  if (isUsage(limit)) return limit;
  const duration = positiveNumber('--duration', values.duration);
  if (isUsage(duration)) return duration;
  const connect = connectOptions(system, values.url ?? DEFAULT_URL, values, sources);
  if (isUsage(connect)) return connect;
  return {
    kind: 'record',
    options: {
      ...connect.options,
      feeds,
      out: values.out,
      limit,
      durationMs: duration === undefined ? undefined : duration * 1000,
    },
    warnings: connect.warnings,
  };
}

function parseDoctor(rest: string[], values: Values, sources: SecretSources): CommandLine {
  const [url, extra] = rest;
  if (!url) return usage('doctor needs the server URL: feedkit doctor <url> --system <name>');
  if (extra !== undefined) return usage(`unexpected argument '${extra}'`);
  const system = systemOf(values.system);
  if (isUsage(system)) return usage(`doctor needs --system: ${system.message}`);
  const duration = positiveNumber('--duration', values.duration);
  if (isUsage(duration)) return duration;
  const connect = connectOptions(system, url, values, sources, false);
  if (isUsage(connect)) return connect;
  return {
    kind: 'doctor',
    options: {
      ...connect.options,
      ...feedParams(values),
      json: values.json,
      durationMs: (duration ?? 5) * 1000,
    },
    warnings: connect.warnings,
  };
}
