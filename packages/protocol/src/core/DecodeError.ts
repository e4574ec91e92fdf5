/** Why a frame could not become a typed message. */
export type DecodeErrorCode =
  /** The frame is not JSON (and not a text command the protocol knows). */
  | 'not_json'
  /** The frame is JSON but not an object, or has no discriminator field. */
  | 'not_object'
  /** A known message type whose fields do not match the schema. */
  | 'invalid_message'
  /** The frame is larger than the protocol allows. */
  | 'oversize';

/**
 * A typed decode failure. Decoding never throws; this says what was wrong
 * and where, so a UI or log can show it and the connection can live on.
 */
export interface DecodeError {
  readonly code: DecodeErrorCode;
  readonly system: string;
  /** Human-readable: what was wrong and what to do. */
  readonly message: string;
  /** The message type, when the frame named one. */
  readonly type?: string;
  /** Path of the first field that failed validation, e.g. `['data','latency','produceP99']`. */
  readonly path: readonly PropertyKey[];
  /** Every validation issue, for `invalid_message`. */
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
  /** The first 200 characters of the frame, for logs. */
  readonly preview: string;
  /** Frame length in characters. */
  readonly size: number;
  /** The parsed JSON object, for `invalid_message`: what the server really sent. */
  readonly value?: unknown;
}

export function decodeError(
  system: string,
  frame: string,
  code: DecodeErrorCode,
  message: string,
  extra: Partial<Pick<DecodeError, 'type' | 'path' | 'issues' | 'value'>> = {},
): DecodeError {
  return {
    code,
    system,
    message,
    type: extra.type,
    path: extra.path ?? [],
    issues: extra.issues ?? [],
    preview: frame.length > 200 ? `${frame.slice(0, 200)}…` : frame,
    size: frame.length,
    ...(extra.value === undefined ? {} : { value: extra.value }),
  };
}
