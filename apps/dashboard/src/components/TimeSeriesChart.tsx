import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface Series {
  readonly label: string;
  readonly color: string;
}

export interface TimeSeriesChartProps {
  readonly series: readonly Series[];
  /** `[epochSeconds[], ...one array per series]`, oldest first. */
  readonly data: readonly (readonly number[])[];
  /** Unit shown after values on the y axis. */
  readonly unit?: string;
  /** @default 160 */
  readonly height?: number;
  readonly testId?: string;
}

/**
 * A live line chart on uPlot. The chart is created once and fed with
 * `setData`, so a tick costs a canvas redraw, not a React re-render of
 * SVG nodes.
 */
export function TimeSeriesChart({
  series,
  data,
  unit = '',
  height = 160,
  testId,
}: TimeSeriesChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is built once per series layout; data flows in through setData below.
  useEffect(() => {
    const element = host.current!;
    const plot = new uPlot(
      {
        width: element.clientWidth || 400,
        height,
        legend: { show: true },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: '#8b98a9', grid: { stroke: '#253041' }, ticks: { stroke: '#253041' } },
          {
            stroke: '#8b98a9',
            grid: { stroke: '#253041' },
            ticks: { stroke: '#253041' },
            size: 60,
            values: (_, ticks) => ticks.map((v) => `${v}${unit}`),
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: { show: false },
          })),
        ],
      },
      latestData.current as uPlot.AlignedData,
      element,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [series.map((s) => s.label).join(), height, unit]);

  useEffect(() => {
    chart.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  const xs = data[0] ?? [];
  return (
    <div
      className="chart"
      ref={host}
      data-testid={testId}
      data-points={xs.length}
      data-last={xs[xs.length - 1] ?? ''}
    />
  );
}
