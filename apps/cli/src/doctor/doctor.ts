import {
  ActiveImmuneCore,
  type Adapter,
  type FeedSpec,
  Helios,
  type KnownSystem,
  PlataformaE,
  Takhin,
  VeloFlux,
} from '@feedkit/protocol';
import type { z } from 'zod';
import { socketBaseUrl, systemProtocol } from '../createSystemClient';
import { feedCatalog } from '../feedCatalog';
import { redact } from '../secrets';
import type { DoctorOptions } from '../TailOptions';
import type { TailIo } from '../tail';
import { type DoctorReport, exitCodeOf, type FeedReport } from './DoctorReport';
import { formatDoctorReport } from './formatDoctorReport';
import { probeAuth } from './probeAuth';
import { probeFeed } from './probeFeed';
import { probeReachability } from './probeReachability';
import { probeRest } from './probeRest';

interface SystemDocument {
  readonly adapter: Adapter<unknown, unknown>;
  readonly schemas: Readonly<Record<string, z.ZodType>>;
  readonly endpoints: Readonly<Record<string, never>>;
}

const documents = {
  veloflux: {
    adapter: VeloFlux.adapter,
    schemas: VeloFlux.serverMessageSchemas,
    endpoints: VeloFlux.endpoints,
  },
  'plataforma-e': {
    adapter: PlataformaE.adapter,
    schemas: PlataformaE.serverMessageSchemas,
    endpoints: PlataformaE.endpoints,
  },
  helios: {
    adapter: Helios.adapter,
    schemas: Helios.serverMessageSchemas,
    endpoints: Helios.endpoints,
  },
  'active-immune-core': {
    adapter: ActiveImmuneCore.adapter,
    schemas: ActiveImmuneCore.serverMessageSchemas,
    endpoints: ActiveImmuneCore.endpoints,
  },
  takhin: { adapter: Takhin.adapter, schemas: Takhin.serverMessageSchemas, endpoints: {} },
} as unknown as Record<KnownSystem, SystemDocument>;

const label = (name: string, args: readonly unknown[]) =>
  args.length === 0
    ? name
    : `${name}(${args.map((a) => (typeof a === 'object' && a !== null ? Object.values(a).join(',') : String(a))).join(', ')})`;

function socketUrl(base: string, path: string, query: Readonly<Record<string, string>>): string {
  const url = new URL(`${base}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** Checks a deployment against its document; see `feedkit --help`. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { system } = options;
  const document = documents[system];
  const base = socketBaseUrl(options.url);
  const httpUrl = base.replace(/^ws(s?):/i, 'http$1:');
  // Answers, not observation: generous, since a loaded server is still a working one.
  const timeoutMs = 5000;
  const reachability = await probeReachability(options.url, timeoutMs);
  const skipped = { system, url: httpUrl, reachability, auth: [], feeds: [], rest: [] };
  if (reachability.status === 'fail') return { ...skipped, exitCode: exitCodeOf(skipped) };

  const query = systemProtocol(options).query ?? {};
  const specs = Object.entries(feedCatalog[system]).map(([name, feed]) => {
    const args = feed.args(options);
    if (typeof args === 'string') return { name, skip: args };
    const factory = (
      document.adapter.feeds as Record<string, (...a: unknown[]) => FeedSpec<unknown>>
    )[name];
    return {
      name: label(name, args),
      spec: (factory as (...a: unknown[]) => FeedSpec<unknown>)(...args),
    };
  });
  const authUrl = socketUrl(base, specs.find((s) => s.spec)?.spec?.path ?? '/', query);
  const auth = await probeAuth(system, document.adapter, authUrl, httpUrl, options, timeoutMs);
  const headers: Record<string, string> =
    auth.placement === 'header' && auth.token ? { Authorization: `Bearer ${auth.token}` } : {};
  const authQuery =
    auth.placement === 'query' && auth.token && document.adapter.auth?.query
      ? { [document.adapter.auth.query]: auth.token }
      : {};

  const [feeds, rest] = await Promise.all([
    Promise.all(
      specs.map((entry): Promise<FeedReport> | FeedReport => {
        const unchecked = {
          messages: 0,
          drift: { unknownTypes: [], invalid: [], unknownFields: [] },
        };
        const skip = { name: 'ping', status: 'skip', detail: '' } as const;
        if (!entry.spec)
          return {
            ...unchecked,
            name: entry.name,
            status: 'skip',
            detail: entry.skip,
            ping: skip,
            acks: { ...skip, name: 'acks' },
          };
        if (!auth.usable)
          return {
            ...unchecked,
            name: entry.name,
            status: 'skip',
            detail: 'no accepted credentials',
            ping: skip,
            acks: { ...skip, name: 'acks' },
          };
        return probeFeed({
          system,
          label: entry.name,
          adapter: document.adapter,
          spec: entry.spec,
          schemas: document.schemas,
          url: socketUrl(base, entry.spec.path, { ...query, ...authQuery }),
          headers,
          durationMs: options.durationMs,
          timeoutMs,
        });
      }),
    ),
    probeRest(httpUrl, document.endpoints, options, {}, timeoutMs),
  ]);
  const report = { ...skipped, auth: auth.checks, feeds, rest };
  return { ...report, exitCode: exitCodeOf(report) };
}

/** `feedkit doctor`: the report as a table (or JSON) on stdout; exit 0 healthy, 1 problems, 2 unreachable. */
export async function doctor(options: DoctorOptions, io: TailIo): Promise<number> {
  const report = await runDoctor(options);
  const text = options.json
    ? JSON.stringify(report, null, 2)
    : formatDoctorReport(report, io.colors);
  // Servers echo what they were sent; no secret of ours reaches the terminal.
  io.out(redact(text, [options.token, options.password, options.apiKey]));
  return report.exitCode;
}
