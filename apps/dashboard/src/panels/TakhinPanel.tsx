import type { Takhin } from '@feedkit/protocol';
import { useMetrics, useTakhinClient } from '@feedkit/react/takhin';
import { SERIES_COLORS } from '../chartPalette';
import { FeedFreshness } from '../components/FeedFreshness';
import { Panel } from '../components/Panel';
import { Stat } from '../components/Stat';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { WaitingRow } from '../components/WaitingRow';
import { toColumns } from '../toColumns';
import { useFeedHistory } from '../useFeedHistory';

const throughputSeries = [
  { label: 'produce msg/s', color: SERIES_COLORS.blue },
  { label: 'fetch msg/s', color: SERIES_COLORS.orange },
];
// Colour says the percentile, a dash says fetch: six lines, two things to read.
const FETCH_DASH = [6, 4];
const latencySeries = [
  { label: 'produce p50', color: SERIES_COLORS.green },
  { label: 'produce p95', color: SERIES_COLORS.blue },
  { label: 'produce p99', color: SERIES_COLORS.vermillion },
  { label: 'fetch p50', color: SERIES_COLORS.green, dash: FETCH_DASH },
  { label: 'fetch p95', color: SERIES_COLORS.blue, dash: FETCH_DASH },
  { label: 'fetch p99', color: SERIES_COLORS.vermillion, dash: FETCH_DASH },
];

const throughput = (m: Takhin.MetricsMessage) => [
  m.timestamp,
  m.data.throughput.produceRate,
  m.data.throughput.fetchRate,
];
const latency = ({ timestamp, data: { latency: l } }: Takhin.MetricsMessage) => [
  timestamp,
  l.produceP50,
  l.produceP95,
  l.produceP99,
  l.fetchP50,
  l.fetchP95,
  l.fetchP99,
];

const formatBytes = (bytes: number) =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(1)} GB`
    : bytes >= 1e6
      ? `${(bytes / 1e6).toFixed(1)} MB`
      : `${(bytes / 1e3).toFixed(1)} KB`;

export function TakhinPanel() {
  const client = useTakhinClient();
  const metrics = useMetrics();
  const feed = client.feed('metrics');
  const throughputHistory = useFeedHistory(feed, 120, throughput);
  const latencyHistory = useFeedHistory(feed, 120, latency);
  const health = metrics?.data.clusterHealth;

  return (
    <Panel
      id="takhin"
      title="Takhin"
      subtitle="streaming: throughput, latency, topics, consumer lag"
    >
      <p className="freshness-row">
        <FeedFreshness label="metrics" feed={feed} />
      </p>
      <div className="stats">
        <Stat label="produce/s" value={metrics?.data.throughput.produceRate.toFixed(0)} />
        <Stat label="fetch/s" value={metrics?.data.throughput.fetchRate.toFixed(0)} />
        <Stat label="topics" value={health?.totalTopics} />
        <Stat label="partitions" value={health?.totalPartitions} />
        <Stat label="disk" value={health && formatBytes(health.diskUsageBytes)} />
      </div>
      <h3>Throughput</h3>
      <TimeSeriesChart
        series={throughputSeries}
        data={toColumns(throughputHistory, 3)}
        testId="takhin-throughput"
      />
      <h3>Latency percentiles</h3>
      <TimeSeriesChart
        series={latencySeries}
        data={toColumns(latencyHistory, 7)}
        unit=" ms"
        testId="takhin-latency"
      />
      <div className="columns">
        <div className="table-scroll">
          <table data-testid="takhin-topics">
            <thead>
              <tr>
                <th>topic</th>
                <th className="num">parts</th>
                <th className="num">messages</th>
                <th className="num">in/s</th>
              </tr>
            </thead>
            <tbody>
              {!metrics && <WaitingRow columns={4} what="metrics" />}
              {metrics?.data.topicStats.map((t) => (
                <tr key={t.name}>
                  <td className="mono">{t.name}</td>
                  <td className="num">{t.partitions}</td>
                  <td className="num">{t.totalMessages.toLocaleString('en')}</td>
                  <td className="num">{t.produceRate.toFixed(0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-scroll">
          <table data-testid="takhin-lag">
            <thead>
              <tr>
                <th>consumer group</th>
                <th className="num">lag</th>
              </tr>
            </thead>
            <tbody>
              {!metrics && <WaitingRow columns={2} what="metrics" />}
              {metrics?.data.consumerLags.map((g) => (
                <tr key={g.groupId}>
                  <td className="mono">{g.groupId}</td>
                  <td className="num">
                    <LagBar lag={g.totalLag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Panel>
  );
}

function LagBar({ lag }: { lag: number }) {
  // Log scale: lags range from a handful to millions.
  const width = Math.min(100, (Math.log10(lag + 1) / 6) * 100);
  return (
    <span className="lag">
      <span className="lag-bar" style={{ width: `${width}%` }} />
      <span>{lag.toLocaleString('en')}</span>
    </span>
  );
}
