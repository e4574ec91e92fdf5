import type { DecodeError } from '@feedkit/protocol';
import { FeedkitError, type FeedkitErrorCode } from '../FeedkitError';

/** A `FeedkitError` as structured-clonable data (a class instance loses its class in `postMessage`). */
export interface WireError {
  readonly code: FeedkitErrorCode;
  readonly message: string;
  readonly system: FeedkitError['system'];
  readonly decodeError?: DecodeError;
  readonly closeCode?: number;
  readonly status?: number;
  readonly fatal: boolean;
  readonly dropped?: unknown;
  readonly path?: string;
  /** The cause's message: a cause may be anything, and not every value can be cloned. */
  readonly cause?: string;
}

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
  return new FeedkitError(wire.code, wire.message, {
    system: wire.system,
    decodeError: wire.decodeError,
    closeCode: wire.closeCode,
    status: wire.status,
    fatal: wire.fatal,
    dropped: wire.dropped,
    path: wire.path,
    cause: wire.cause === undefined ? undefined : new Error(wire.cause),
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
