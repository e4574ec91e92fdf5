import type { ClientState, FeedkitClient } from '@feedkit/client';
import { useCallback, useContext, useSyncExternalStore } from 'react';
import { FeedkitContext } from './FeedkitProvider';

// On the server nothing connects: report the state of a client with no connections.
const serverState: ClientState = { status: 'idle', attempt: 0, connections: [] };
const getServerSnapshot = () => serverState;

/**
 * The client's connection state: `status` (`idle | connecting | open |
 * reconnecting | closed`), the reconnect `attempt`, `nextRetryAt` (epoch ms)
 * and the `reason`, plus each connection's own state. Re-renders on every
 * change; it opens no connection by itself.
 *
 * @param client the client to watch. @default the `FeedkitProvider`'s client
 * @example
 * const { status, nextRetryAt } = useConnectionState();
 * if (status === 'reconnecting' && nextRetryAt)
 *   return <Badge>reconnecting in {Math.ceil((nextRetryAt - Date.now()) / 1000)} s</Badge>;
 */
export function useConnectionState(client?: FeedkitClient): ClientState {
  const fromContext = useContext(FeedkitContext);
  const target = client ?? fromContext;
  if (target === null) {
    throw new Error(
      'feedkit: useConnectionState() found no client. Pass one, or wrap your components in <FeedkitProvider client={...}>.',
    );
  }
  const current = target;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = current.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [current],
  );
  return useSyncExternalStore(subscribe, () => current.state, getServerSnapshot);
}
