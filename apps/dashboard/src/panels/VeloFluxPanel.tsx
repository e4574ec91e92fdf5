import type { VeloFlux } from '@feedkit/protocol';
import {
  useBackends,
  useMetrics,
  useSystemStatus,
  useVeloFluxClient,
} from '@feedkit/react/veloflux';
import { SERIES_COLORS } from '../chartPalette';
import { FeedFreshness } from '../components/FeedFreshness';
import { Panel } from '../components/Panel';
import { Stat } from '../components/Stat';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { WaitingRow } from '../components/WaitingRow';
import { toColumns } from '../toColumns';
import { useFeedHistory } from '../useFeedHistory';
import { VeloFluxControls } from './VeloFluxControls';

const rateSeries = [
  { label: 'requests/s', color: SERIES_COLORS.blue },
  { label: 'errors/s', color: SERIES_COLORS.vermillion },
];

const epochSeconds = (iso: string) => Date.parse(iso) / 1000;

/** Request rate and error rate (as requests per second) of one metrics message. */
const rates = (m: VeloFlux.MetricsMessage) => [
  epochSeconds(m.timestamp),
  m.data.requests_per_second,
  m.data.requests_per_second * m.data.error_rate,
];

export function VeloFluxPanel() {
  const client = useVeloFluxClient();
  const backends = useBackends();
  const metrics = useMetrics();
  const status = useSystemStatus();
  const history = useFeedHistory(client.feed('metrics'), 120, rates);

  return (
    <Panel id="veloflux" title="VeloFlux" subtitle="load balancer: backends, pools, traffic">
      <VeloFluxControls />
      <p className="freshness-row">
        <FeedFreshness label="backends" feed={client.feed('backends')} />
        <FeedFreshness label="metrics" feed={client.feed('metrics')} />
        <FeedFreshness label="status" feed={client.feed('status')} />
      </p>

      <div className="stats">
        <Stat label="req/s" value={metrics?.data.requests_per_second.toFixed(1)} />
        <Stat
          label="error rate"
          value={metrics && `${(metrics.data.error_rate * 100).toFixed(2)} %`}
        />
        <Stat
          label="avg latency"
          value={metrics && `${metrics.data.avg_response_time.toFixed(0)} ms`}
        />
        <Stat
          label="healthy"
          value={status && `${status.data.healthy_backends}/${status.data.total_backends}`}
        />
        <Stat label="strategy" value={status?.data.current_strategy} />
      </div>

      <TimeSeriesChart series={rateSeries} data={toColumns(history, 3)} testId="veloflux-chart" />

      <div className="table-scroll">
        <table data-testid="veloflux-backends">
          <thead>
            <tr>
              <th>backend</th>
              <th>pool</th>
              <th className="wide-only">region</th>
              <th>health</th>
              <th className="num">conns</th>
              <th className="num wide-only">weight</th>
            </tr>
          </thead>
          <tbody>
            {!backends && <WaitingRow columns={6} what="backends" />}
            {backends?.backends.map((b) => (
              <tr key={b.address}>
                <td className="mono">{b.address}</td>
                <td>{b.pool}</td>
                <td className="wide-only">{b.region}</td>
                <td>
                  <span className={b.healthy ? 'dot ok' : 'dot bad'} /> {b.status}
                </td>
                <td className="num">{b.connections}</td>
                <td className="num wide-only">{b.weight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {metrics && (
        <div className="table-scroll">
          <table data-testid="veloflux-pools">
            <thead>
              <tr>
                <th>pool</th>
                <th className="num">healthy</th>
                <th className="num">conns</th>
                <th className="num">load</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(metrics.data.pool_metrics).map(([name, pool]) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td className="num">
                    {pool.healthy_backends}/{pool.total_backends}
                  </td>
                  <td className="num">{pool.active_connections}</td>
                  <td className="num">
                    {(metrics.data.load_distribution[name] ?? 0).toFixed(0)} %
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
