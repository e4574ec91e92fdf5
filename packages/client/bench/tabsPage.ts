// Bundled by esbuild for the tabs bench: one tab of a dashboard that reads
// Takhin metrics, with or without `share`. The blast numbers its frames in
// `data.throughput.produceRate`; each arrival is kept as (index, time).
import { createClient, type FeedkitClient, takhin } from '../src/index';
import { type ShareOptions, tabs } from '../src/share/index';

let arrivals: number[] = [];
let warm = 0;
let client: FeedkitClient<ReturnType<typeof takhin>> | undefined;

function start(url: string, share: ShareOptions | false): void {
  client = createClient({
    url,
    protocol: takhin(),
    share: share && tabs(share),
    heartbeat: false,
    lifecycle: false,
  });
  client.feed('metrics').subscribe((m) => {
    const index = m.data.throughput.produceRate;
    if (index < 0) warm++;
    else arrivals.push(index, performance.timeOrigin + performance.now());
  });
}

function take(): { arrivals: number[]; warm: number } {
  const result = { arrivals, warm };
  arrivals = [];
  return result;
}

function stop(): void {
  client?.close();
}

const count = () => arrivals.length / 2;

Object.assign(globalThis, { tabsBench: { start, take, stop, count, warm: () => warm } });
