/**
 * Runs `fn`; an exception goes to `onError` instead of up the stack, so a
 * timer callback or one socket's handler cannot take the server down.
 */
export function runGuarded(fn: () => void, onError: (error: unknown) => void): void {
  try {
    fn();
  } catch (error) {
    onError(error);
  }
}
