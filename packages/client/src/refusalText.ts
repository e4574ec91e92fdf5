import { errorBodyText } from './errorBodyText';

/** How much of a refused upgrade's body is read: enough for a reason or a proxy's error page. */
export const REFUSAL_BYTES = 512;
/** How long the body may take: a refusal must not delay the reconnect. */
export const REFUSAL_DEADLINE_MS = 500;

/** One step of a body: a `ReadableStreamDefaultReader`'s `read()` or an async iterator's `next()`. */
export interface BodyChunks {
  next(): Promise<{ readonly done?: boolean; readonly value?: Uint8Array }>;
  /** Stops reading (the rest of the body is not wanted). */
  cancel(): void;
}

/**
 * What a refused upgrade's response said, as one line for an error message:
 * at most `REFUSAL_BYTES` of its body within `REFUSAL_DEADLINE_MS`, text
 * only (a binary or unreadable body says nothing), markup removed,
 * whitespace collapsed, credentials redacted. `undefined` when it says nothing.
 *
 * @example await refusalText(chunks, 'text/plain') // 'too many connections'
 */
export async function refusalText(
  body: BodyChunks,
  contentType: string | null | undefined,
  deadlineMs = REFUSAL_DEADLINE_MS,
): Promise<string | undefined> {
  if (contentType && !TEXT_TYPE.test(contentType)) {
    body.cancel();
    return undefined;
  }
  const bytes = await readBounded(body, deadlineMs);
  return bodyLine(bytes, contentType);
}

/** Any text, plus the structured types proxies and frameworks answer with. */
const TEXT_TYPE = /^\s*(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml)\b)/i;

async function readBounded(body: BodyChunks, deadlineMs: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(REFUSAL_BYTES);
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, deadlineMs, undefined);
  });
  try {
    while (size < REFUSAL_BYTES) {
      const step = await Promise.race([body.next(), deadline]);
      if (step === undefined || step.done || step.value === undefined) break;
      const take = Math.min(step.value.byteLength, REFUSAL_BYTES - size);
      bytes.set(step.value.subarray(0, take), size);
      size += take;
    }
  } catch {
    // The peer reset the connection mid-body: what arrived is all there is.
  } finally {
    clearTimeout(timer);
    body.cancel();
  }
  return bytes.subarray(0, size);
}

const decoder = /* @__PURE__ */ new TextDecoder();

/** The body's text as one redacted line, or `undefined` when it holds none. */
export function bodyLine(
  bytes: Uint8Array,
  contentType: string | null | undefined,
): string | undefined {
  // A multi-byte character cut at the byte limit decodes as U+FFFD: drop it.
  const text = decoder.decode(bytes).replace(/\uFFFD+$/, '');
  return errorBodyText(text, contentType, bytes.byteLength >= REFUSAL_BYTES);
}

/** A Node response (`http.IncomingMessage`, async iterable) as `BodyChunks`. */
export function nodeBodyChunks(response: AsyncIterable<Uint8Array>): BodyChunks {
  const iterator = response[Symbol.asyncIterator]();
  return {
    next: () => iterator.next(),
    // `return()` destroys the stream; the socket goes with the handshake anyway.
    cancel: () => void iterator.return?.()?.catch(() => {}),
  };
}

/** A fetch `Response`'s body as `BodyChunks` (a reader: not every browser iterates streams). */
export function fetchBodyChunks(body: ReadableStream<Uint8Array>): BodyChunks {
  const reader = body.getReader();
  return {
    next: () => reader.read(),
    cancel: () => void reader.cancel().catch(() => {}),
  };
}
