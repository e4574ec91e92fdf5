import type { IncomingMessage } from 'node:http';

/** Largest REST body accepted; the seeds' bodies are a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413; readonly message: string };

/** Reads and parses a JSON request body without ever throwing. */
export function readJsonBody(request: IncomingMessage): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: JsonBody) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish({
          ok: false,
          status: 413,
          message: `request body exceeds ${MAX_BODY_BYTES} bytes`,
        });
        request.resume();
        return;
      }
      if (!done) chunks.push(chunk);
    });
    request.on('error', () =>
      finish({ ok: false, status: 400, message: 'request body could not be read' }),
    );
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        finish({ ok: false, status: 400, message: 'request body is empty; send a JSON object' });
        return;
      }
      try {
        finish({ ok: true, value: JSON.parse(text) });
      } catch (error) {
        finish({
          ok: false,
          status: 400,
          message: `request body is not JSON (${(error as Error).message})`,
        });
      }
    });
  });
}
