import type { ClientState } from '@feedkit/client';
import { useConnectionState } from '@feedkit/react';
import { useNow } from '../useNow';

/** "open", "reconnecting in 3 s, attempt 4", ...: the words the badge shows. */
export function describeState(state: ClientState, now: number): string {
  if (state.status === 'reconnecting') {
    const seconds =
      state.nextRetryAt === undefined
        ? undefined
        : Math.max(0, Math.ceil((state.nextRetryAt - now) / 1000));
    return `reconnecting${seconds === undefined ? '' : ` in ${seconds} s`}, attempt ${state.attempt}`;
  }
  if (state.status === 'closed' && state.reason) return `closed: ${state.reason}`;
  return state.status;
}

/** The connection state of the nearest provider's client, as a coloured pill. */
export function ConnectionBadge() {
  const state = useConnectionState();
  const now = useNow(state.status === 'reconnecting');
  return (
    <span className={`badge badge-${state.status}`} data-testid="badge" data-status={state.status}>
      {describeState(state, now)}
    </span>
  );
}
