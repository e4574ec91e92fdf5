import { createLogger, type Logger, type LogLevel } from 'vite';

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes.
const ansi = /\x1b\[[0-9;]*m/g;

/**
 * Vite's logger, with each proxy error as one quiet line
 * (`ws proxy socket error: EPIPE`) instead of a stack trace. During the
 * demo's outage every socket the page retries fails at the proxy, and twelve
 * lines of Node internals per attempt bury what the demo is showing.
 */
export function quietProxyLogger(level: LogLevel = 'warn'): Logger {
  const base = createLogger(level);
  return {
    ...base,
    get hasWarned() {
      return base.hasWarned;
    },
    error(message, options) {
      const plain = message.replace(ansi, '');
      if (!/proxy (socket )?error/.test(plain)) return base.error(message, options);
      const error = options?.error as (Error & { code?: string }) | null | undefined;
      const cause = error?.code ?? error?.message ?? 'failed';
      base.warn(`${plain.split('\n')[0]} ${cause} (is the reference server down?)`, {
        timestamp: true,
      });
    },
  };
}
