import * as z from 'zod';

/**
 * Log levels of `/ws/logs?level=`, least to most severe (Python's logging
 * names, lower-case, as the seed's `notify_log("info", ...)` writes them).
 */
export const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;

export const logLevelSchema = z.enum(LOG_LEVELS);

export type LogLevel = z.infer<typeof logLevelSchema>;

/**
 * Is `level` at least as severe as `minimum`? `?level=` is a minimum, as in
 * Python logging: `?level=warning` streams warning, error and critical.
 */
export function levelAtLeast(level: LogLevel, minimum: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}
