import type { DecodeError } from '@feedkit/protocol';
import { FeedkitError, type FeedkitErrorCode, type FeedkitErrorOptions } from '../FeedkitError';

/**
 * A `FeedkitError` as structured-clonable data (a class instance loses its
 * class in `postMessage`): its options, with the cause as its message (a
 * cause may be anything, and not every value can be cloned).
 */
export type WireError = Omit<FeedkitErrorOptions, 'cause' | 'fatal'> & {
  readonly code: FeedkitErrorCode;
  readonly message: string;
  readonly fatal: boolean;
  readonly cause?: string;
};

export function toWireError(error: FeedkitError): WireError {
  const cause = error.cause;
  return {
    code: error.code,
    message: error.message,
    system: error.system,
    decodeError: clonable(error.decodeError) as DecodeError | undefined,
    closeCode: error.closeCode,
    status: error.status,
    fatal: error.fatal,
    dropped: clonable(error.dropped),
    path: error.path,
    cause: cause === undefined ? undefined : ((cause as Error)?.message ?? String(cause)),
  };
}

export function fromWireError(wire: WireError): FeedkitError {
  const { code, message, cause, ...options } = wire;
  return new FeedkitError(code, message, {
    ...options,
    cause: cause === undefined ? undefined : new Error(cause),
  });
}

/** A dropped command is data the user sent; keep it when it clones, else its text. */
function clonable(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}
