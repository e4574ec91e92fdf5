// README: "Node". Run with: pnpm exec tsx --conditions=@feedkit/source <file>
import { createClient, helios } from '@feedkit/client';

const client = createClient({
  url: 'ws://localhost:8080',
  protocol: helios({ username: 'admin', password: 'admin123' }),
});

client.state$.subscribe((s) => console.error(s.status, s.attempt ? `attempt ${s.attempt}` : ''));
client.errors$.subscribe((e) => console.error(`${e.code}: ${e.message}`));

for await (const change of client.feed('stateChanges')) {
  console.log(`${change.data.old_state} -> ${change.data.new_state} (term ${change.data.term})`);
  if (change.data.new_state === 'Leader') break; // `break` unsubscribes
}
client.close();
