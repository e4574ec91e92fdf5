import * as z from 'zod/mini';
import { openEnum } from '../core/openEnum';

/**
 * Log levels of `/ws/logs?level=`, least to most severe (Python's logging
 * names, lower-case, as the seed's `notify_log("info", ...)` writes them).
 */
export const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;

export const logLevelSchema = z.enum(LOG_LEVELS);

export type LogLevel = z.infer<typeof logLevelSchema>;

/**
 * The level a `log_message` carries: the five names above as the seed writes
 * them, or whatever else a server sends (`INFO`, `warn`, `trace`).
 */
export const logLevelField = openEnum(LOG_LEVELS);

/** Python logging's aliases (`WARN`, `FATAL`), mapped to the names above. */
const aliases: Readonly<Record<string, LogLevel>> = { warn: 'warning', fatal: 'critical' };

/** The rank of a level spelt any way Python logging allows, or -1 when it names none. */
function rank(level: string): number {
  const lower = level.toLowerCase();
  return LOG_LEVELS.indexOf(aliases[lower] ?? (lower as LogLevel));
}

/**
 * Is `level` at least as severe as `minimum`? `?level=` is a minimum, as in
 * Python logging: `?level=warning` streams warning, error and critical.
 * Case and Python's aliases do not matter; a level feedkit cannot rank
 * counts as severe enough, since the server already filtered by it and
 * dropping the line would lose it silently.
 */
export function levelAtLeast(level: string, minimum: LogLevel): boolean {
  const r = rank(level);
  return r === -1 || r >= rank(minimum);
}
