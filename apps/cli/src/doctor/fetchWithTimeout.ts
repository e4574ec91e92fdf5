import { describeNetworkError } from './probeReachability';

export type FetchOutcome =
  | { readonly status: number; readonly text: string; readonly json: unknown }
  | { readonly cause: string };

/** fetch with a deadline; the outcome carries the body, or the real cause of the failure. */
export async function fetchWithTimeout(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<FetchOutcome> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      return { cause: `no answer within ${timeoutMs} ms` };
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    return { cause: cause?.code ? describeNetworkError(cause) : (error as Error).message };
  }
}
