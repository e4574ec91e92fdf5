import { redact } from './redact';

/** How much of an error body a message carries. */
const SHOWN_CHARS = 200;
/** Control characters other than whitespace: a binary body. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const BINARY = /[\x00-\x08\x0e-\x1f\x7f]/;
/** Fields an error body's JSON names its message with (`{"error":"..."}`, RFC 7807's `detail`). */
const MESSAGE_FIELDS = ['message', 'error', 'reason', 'detail', 'error_description', 'title'];

/**
 * What an error response's body says, as one line for an error message: a
 * JSON error's message (FastAPI's validation list as `loc: msg`), a page's
 * words without its markup, or the text itself; whitespace collapsed, at
 * most 200 characters, credentials redacted. `undefined` when it says
 * nothing (empty or binary). The REST helpers and refused upgrades share it.
 *
 * @example errorBodyText('{"detail":[{"loc":["body","room"],"msg":"field required"}]}')
 * // 'body.room: field required'
 */
export function errorBodyText(
  text: string,
  contentType?: string | null,
  /** The body was cut before its end: the line says so. */
  cut = false,
): string | undefined {
  if (BINARY.test(text)) return undefined;
  const html = /html/i.test(contentType ?? '') || /^\s*</.test(text);
  const words = html ? withoutMarkup(text) : (jsonMessage(text) ?? text);
  const line = words.replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  const shorten = cut || line.length > SHOWN_CHARS;
  return redact(shorten ? `${line.slice(0, SHOWN_CHARS).trimEnd()}…` : line);
}

/** A JSON error body's message (one level deep), or `undefined` to show the body as it is. */
function jsonMessage(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (let depth = 0; depth < 2 && typeof value === 'object' && value !== null; depth++) {
    const record = value as Record<string, unknown>;
    const field = MESSAGE_FIELDS.find((name) => record[name] !== undefined);
    if (field === undefined) return undefined;
    value = record[field];
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return validationList(value);
  }
  return undefined;
}

/** FastAPI / pydantic's `detail: [{ loc: ['body', 'room'], msg: 'field required' }, ...]`. */
function validationList(items: readonly unknown[]): string | undefined {
  const lines = items.flatMap((item) => {
    const { loc, msg } = (item ?? {}) as { loc?: unknown; msg?: unknown };
    if (typeof msg !== 'string') return [];
    return [Array.isArray(loc) && loc.length > 0 ? `${loc.join('.')}: ${msg}` : msg];
  });
  return lines.length > 0 ? lines.join('; ') : undefined;
}

/** A proxy's error page as its words: scripts, styles and tags removed. */
function withoutMarkup(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<[^>]*>?/gi, ' ')
    .replace(/&nbsp;/g, ' ');
}
