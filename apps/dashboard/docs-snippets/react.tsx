// README: "React". Compiled by `pnpm --filter @feedkit/dashboard typecheck` so the README cannot rot.
import { createClient, FeedkitProvider, takhin } from '@feedkit/react';
import { useMetrics } from '@feedkit/react/takhin';

const client = createClient({ url: 'ws://localhost:8080', protocol: takhin() });

function Throughput() {
  // Re-renders only when the selected number changes.
  const produceRate = useMetrics({ select: (m) => m.data.throughput.produceRate });
  return <p>{produceRate === undefined ? 'waiting…' : `${produceRate.toFixed(0)} msg/s`}</p>;
}

export function App() {
  return (
    <FeedkitProvider client={client}>
      <Throughput />
    </FeedkitProvider>
  );
}
