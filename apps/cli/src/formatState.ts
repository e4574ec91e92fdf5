import type { ClientState } from '@feedkit/client';
import type { Colors } from 'picocolors/types';

/** The URL the state is about: the client's single connection, when there is one. */
const urlOf = (state: ClientState) => state.connections[0]?.url ?? '';

/**
 * The stderr line for a connection state, e.g.
 * `reconnecting in 3 s, attempt 4 (server closed 1006)`. `undefined` for
 * states not worth a line (`idle`).
 */
export function formatState(state: ClientState, now: number, c: Colors): string | undefined {
  const reason = state.reason ? ` (${state.reason})` : '';
  switch (state.status) {
    case 'idle':
      return undefined;
    case 'connecting':
      // A retry already has its line (`reconnecting …, attempt n`): one line per retry.
      return state.attempt > 0 ? undefined : c.dim(`connecting to ${urlOf(state)}`);
    case 'open':
      return c.green(`open ${urlOf(state)}`);
    case 'reconnecting': {
      const wait =
        state.nextRetryAt === undefined
          ? ''
          : ` in ${Math.max(0, Math.ceil((state.nextRetryAt - now) / 1000))} s`;
      return c.yellow(`reconnecting${wait}, attempt ${state.attempt}${reason}`);
    }
    case 'offline':
      return c.yellow(`offline${reason}`);
    case 'closed':
      return c.dim(`closed${reason}`);
  }
}

/** Two states that print the same line need not be printed twice. */
export const stateKey = (state: ClientState) => `${state.status}:${state.attempt}`;
