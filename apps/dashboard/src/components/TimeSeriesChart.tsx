import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { CHART_CHROME } from '../chartPalette';
import { formatClock } from '../formatClock';
import { useColorSchemeValue } from '../useColorScheme';

export interface Series {
  readonly label: string;
  readonly color: string;
  /** Dash pattern in px (`[6, 4]`); solid when absent. Tells series of one colour apart. */
  readonly dash?: readonly number[];
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
 * A live line chart on uPlot. The chart is created once the first point
 * arrives (before that a placeholder says so, rather than axes over an
 * invented time range) and then fed with `setData`, so a tick costs a canvas
 * redraw, not a React re-render of SVG nodes. It is rebuilt when the colour
 * scheme changes, since a canvas does not follow CSS.
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
  const scheme = useColorSchemeValue();
  const xs = data[0] ?? [];
  const ready = xs.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is built once per series layout and scheme; data flows in through setData below.
  useEffect(() => {
    if (!ready) return;
    const element = host.current!;
    const chrome = CHART_CHROME[scheme];
    const axis = {
      stroke: chrome.axis,
      grid: { stroke: chrome.grid },
      ticks: { stroke: chrome.grid },
    };
    const plot = new uPlot(
      {
        width: element.clientWidth || 300,
        height,
        // Labels only: live values would read "--" whenever the pointer is elsewhere.
        legend: { show: true, live: false },
        // Room on the right for the last time label.
        padding: [8, 28, 0, 0],
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          {
            ...axis,
            space: 90,
            // Whole seconds at least, so a young chart never repeats one label.
            incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
            values: (_, ticks) => ticks.map((t) => formatClock(t * 1000)),
          },
          { ...axis, size: 60, values: (_, ticks) => ticks.map((v) => `${v}${unit}`) },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            dash: s.dash ? [...s.dash] : undefined,
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
  }, [ready, scheme, series.map((s) => s.label).join(), height, unit]);

  useEffect(() => {
    chart.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <div
      className="chart"
      data-testid={testId}
      data-points={xs.length}
      data-last={xs[xs.length - 1] ?? ''}
    >
      <div ref={host} />
      {!ready && (
        <div className="chart-loading" style={{ height }} data-testid="chart-loading">
          waiting for the first data points…
        </div>
      )}
    </div>
  );
}
