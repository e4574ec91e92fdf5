import type * as z from 'zod/mini';
import { type Check, compileCheck } from './compileCheck';
import { type DecodeError, decodeError } from './DecodeError';
import { describeIssue } from './describeIssue';

/**
 * A message whose type the seed does not name. Kept, not dropped, so a newer
 * server does not break an older client: it reaches `unknown$` listeners.
 */
export interface UnknownMessage {
  readonly type: string | undefined;
  readonly value: Readonly<Record<string, unknown>>;
}

export type DecodeResult<M> =
  | { readonly kind: 'message'; readonly message: M }
  | { readonly kind: 'unknown'; readonly message: UnknownMessage }
  | { readonly kind: 'error'; readonly error: DecodeError };

export interface DecoderOptions<M> {
  readonly system: string;
  /** One schema per message type; the key is what `discriminate` returns. */
  readonly schemas: { readonly [type: string]: z.ZodMiniType<M> };
  /**
   * The message's type name, as the protocol spells it (`type`, `event_type`,
   * `action`): picks the schema, and names an unknown message.
   */
  readonly discriminate: (value: Record<string, unknown>) => string | undefined;
  /** Frames longer than this (in UTF-16 code units) are refused before parsing. */
  readonly maxLength?: number;
  /** Non-JSON text frames the protocol defines (Plataforma E's `ping`). */
  readonly text?: { readonly [frame: string]: M };
  /**
   * A known server quirk mended in place (Takhin's Go nil slices): run only
   * on a message that failed the check, which runs again when it returns
   * true. The valid path never calls it; a mended message is parsed once.
   */
  readonly repair?: (value: Record<string, unknown>, type: string) => boolean;
}

const hasOwn = Object.prototype.hasOwnProperty;
/** For a schema `compileCheck` cannot mirror (a stripping object, a transform): zod alone decides. */
const zodOnly: Check = () => false;

/**
 * Builds `decode(frame)`: JSON.parse once, look up the schema by the
 * discriminator, validate once. Never throws.
 */
export function createDecoder<M>(options: DecoderOptions<M>): (frame: string) => DecodeResult<M> {
  const { system, schemas, discriminate, maxLength, text, repair } = options;
  // Compiled on first use, so a type that never arrives costs nothing.
  const checks = new Map<string, Check>();
  const checkOf = (type: string, schema: z.ZodMiniType<M>): Check => {
    let check = checks.get(type);
    if (check === undefined) {
      check = compileCheck(schema) ?? zodOnly;
      checks.set(type, check);
    }
    return check;
  };
  return (frame) => {
    if (maxLength !== undefined && frame.length > maxLength) {
      return {
        kind: 'error',
        error: decodeError(
          system,
          frame,
          'oversize',
          `${system}: frame of ${frame.length} characters exceeds the limit of ${maxLength}; the sender must split or trim it`,
        ),
      };
    }
    if (text !== undefined && hasOwn.call(text, frame)) {
      return { kind: 'message', message: text[frame] as M };
    }
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch (cause) {
      return {
        kind: 'error',
        error: decodeError(
          system,
          frame,
          'not_json',
          `${system}: frame is not JSON (${(cause as Error).message}); expected a JSON object`,
        ),
      };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {
        kind: 'error',
        error: decodeError(
          system,
          frame,
          'not_object',
          `${system}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
        ),
      };
    }
    const record = value as Record<string, unknown>;
    const type = discriminate(record);
    const schema = type === undefined || !hasOwn.call(schemas, type) ? undefined : schemas[type];
    // The adapter's `discriminate` is the one place that knows how a message names its type.
    if (schema === undefined) return { kind: 'unknown', message: { type, value: record } };
    // The plain compiled check first; zod parses again only to say what failed.
    const check = checkOf(type as string, schema);
    if (check(record) || (repair?.(record, type as string) && check(record)))
      return { kind: 'message', message: record as M };
    const result = schema.safeParse(record);
    if (result.success) return { kind: 'message', message: result.data };
    const issues = result.error.issues.map((issue) => ({
      path: issue.path,
      message: describeIssue(issue, record),
    }));
    const first = issues[0];
    return {
      kind: 'error',
      error: decodeError(
        system,
        frame,
        'invalid_message',
        `${system}: '${type}' message is invalid at ${first?.path.length ? first.path.join('.') : '(root)'}: ${first?.message ?? 'does not match the schema'}`,
        { type, path: first?.path ?? [], issues, value: record },
      ),
    };
  };
}
