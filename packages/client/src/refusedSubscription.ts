import type { Adapter } from '@feedkit/protocol';

/**
 * Why the system would refuse subscribing to `topics` (a Takhin target over
 * 256 characters), or `undefined`. The subscribe commands are checked with
 * the protocol's own command reader before anything is sent: a server that
 * closes the socket on a malformed command would otherwise take every feed
 * of that socket down with it, on every replay after every reconnect.
 */
export function refusedSubscription<In, Out>(
  adapter: Adapter<In, Out>,
  topics: Iterable<string>,
): string | undefined {
  for (const command of adapter.reconcile(new Set(), new Set(topics), 0)) {
    const result = adapter.decodeCommand(adapter.encode(command));
    if (result.kind === 'error') return result.error.message;
  }
  return undefined;
}
