// ECharts, reduced to what the dashboard draws (lines, bars, grid, legend,
// tooltip) and drawn as SVG: a small bundle, sharp at any zoom level, and
// printable. The chart is an image for assistive technology; every chart
// on a page has a table with the same numbers next to it (ChartPanel).
import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** Colours with at least 4.5:1 contrast on white (status is never told by colour alone). */
export const CHART_COLOURS = [
  '#1b4b7a',
  '#b35c00',
  '#1e7b3c',
  '#b10e1e',
  '#6a3d9a',
  '#00707a',
  '#7a5200',
  '#4d4d4d',
];

const FALLBACK_WIDTH = 640;

interface Props {
  option: ChartOption;
  /** What the chart shows, read out instead of the drawing. */
  label: string;
  height?: number;
  className?: string;
}

export function EChart({ option, label, height = 280, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const width = () => element.clientWidth || FALLBACK_WIDTH;
    const chart = init(element, null, { renderer: 'svg', width: width(), height });
    chart.setOption({ animation: false, color: CHART_COLOURS, ...option });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => chart.resize({ width: width(), height }));
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option, height]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      className={className ?? 'regie-echart'}
      style={{ height }}
    />
  );
}
