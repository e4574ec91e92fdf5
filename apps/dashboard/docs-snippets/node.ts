// README: "Node". Run with: pnpm exec tsx --conditions=@feedkit/source <file>
import { createClient, takhin } from '@feedkit/client';

const client = createClient({ url: 'ws://localhost:8080', protocol: takhin() });

client.state$.subscribe((s) => console.error(s.status, s.attempt ? `attempt ${s.attempt}` : ''));
client.errors$.subscribe((e) => console.error(`${e.code}: ${e.message}`));

let count = 0;
for await (const m of client.feed('metrics')) {
  console.log(`${m.data.throughput.produceRate} msg/s in, ${m.data.topicStats.length} topics`);
  if (++count === 5) break; // `break` unsubscribes
}
client.close();
