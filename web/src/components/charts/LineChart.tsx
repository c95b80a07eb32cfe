import { formatDate } from '../../lib/dates';
import { dayNumber, linearScale, pathOf, pickTicks, stepVertices } from './scale';
import type { Point } from './scale';

export interface ChartSeries {
  id: string;
  label: string;
  /** ISO dates, ascending. */
  points: readonly { date: string; value: number }[];
}

export interface ChartTick {
  value: number;
  label: string;
}

interface Props {
  /** What the chart shows, for assistive technology (role="img"); name the table next to it. */
  label: string;
  series: readonly ChartSeries[];
  /** The y axis, bottom to top: its first and last values are the range. */
  yTicks: readonly ChartTick[];
  /** Draw each value as holding until the next point (a level, not a trend). */
  step?: boolean;
  /** A legend of the series below the chart (default: with more than one series). */
  legend?: boolean;
}

// Colours with at least 4.5:1 contrast on white; after them the lines are dashed.
const COLOURS = [
  '#1b4b7a',
  '#b35c00',
  '#1e7b3c',
  '#b10e1e',
  '#6a3d9a',
  '#00707a',
  '#7a5200',
  '#4d4d4d',
];
const DASH = '6 4';

function styleOf(index: number) {
  return {
    colour: COLOURS[index % COLOURS.length]!,
    dashed: index >= COLOURS.length,
    square: index >= COLOURS.length,
  };
}

const WIDTH = 720;
const ROW = 36;
const FONT = 12;
const CHAR = 6.6; // about the width of a character at FONT
const TOP = 16;
const BOTTOM = 36;
const RIGHT = 44;
const INSET = 14; // between the axis and the first and last point

function Marker({ p, index }: { p: Point; index: number }) {
  const s = styleOf(index);
  return s.square ? (
    <rect x={p.x - 4} y={p.y - 4} width={8} height={8} fill={s.colour} />
  ) : (
    <circle cx={p.x} cy={p.y} r={4.5} fill={s.colour} />
  );
}

/**
 * A small accessible line chart over dates: an inline SVG with role="img"
 * and a label; the data belong in a table next to it, which is what
 * assistive technology reads. Dates sit at their distance in time.
 */
export function LineChart({ label, series, yTicks, step = false, legend }: Props) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const longest = Math.max(0, ...yTicks.map((t) => t.label.length));
  const left = Math.min(300, Math.round(16 + longest * CHAR));
  const height = TOP + BOTTOM + ROW * Math.max(1, yTicks.length - 1);
  const yMin = yTicks[0]?.value ?? 0;
  const yMax = yTicks[yTicks.length - 1]?.value ?? 1;
  const days = dates.map(dayNumber);
  const x = linearScale(
    days[0] ?? 0,
    days[days.length - 1] ?? 0,
    left + INSET,
    WIDTH - RIGHT - INSET,
  );
  const y = linearScale(yMin, yMax, height - BOTTOM, TOP);
  const xTicks = pickTicks(
    dates.map((date) => ({ date, x: x(dayNumber(date)) })),
    11 * CHAR,
  );
  const showLegend = legend ?? series.length > 1;

  return (
    <figure className="regie-chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="regie-chart__svg"
        fontSize={FONT}
      >
        <g className="regie-chart__grid">
          {yTicks.map((t) => (
            <g key={t.value}>
              <line x1={left} x2={WIDTH - RIGHT} y1={y(t.value)} y2={y(t.value)} />
              <text x={left - 8} y={y(t.value)} dy="0.35em" textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          <line
            className="regie-chart__axis"
            x1={left}
            x2={WIDTH - RIGHT}
            y1={height - BOTTOM}
            y2={height - BOTTOM}
          />
          {xTicks.map((t) => (
            <g key={t.date}>
              <line
                className="regie-chart__axis"
                x1={t.x}
                x2={t.x}
                y1={height - BOTTOM}
                y2={height - BOTTOM + 5}
              />
              <text x={t.x} y={height - BOTTOM + 20} textAnchor="middle">
                {formatDate(t.date)}
              </text>
            </g>
          ))}
        </g>
        {series.map((s, index) => {
          const points = s.points.map((p) => ({ x: x(dayNumber(p.date)), y: y(p.value) }));
          const st = styleOf(index);
          return (
            <g key={s.id} data-series={s.id}>
              {points.length > 1 ? (
                <path
                  d={pathOf(step ? stepVertices(points) : points)}
                  fill="none"
                  stroke={st.colour}
                  strokeWidth={2.5}
                  strokeDasharray={st.dashed ? DASH : undefined}
                />
              ) : null}
              {points.map((p, i) => (
                <Marker key={i} p={p} index={index} />
              ))}
            </g>
          );
        })}
      </svg>
      {showLegend ? (
        <ul className="regie-chart__legend">
          {series.map((s, index) => {
            const st = styleOf(index);
            return (
              <li key={s.id}>
                <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
                  <line
                    x1="0"
                    x2="28"
                    y1="6"
                    y2="6"
                    stroke={st.colour}
                    strokeWidth={2.5}
                    strokeDasharray={st.dashed ? DASH : undefined}
                  />
                  <Marker p={{ x: 14, y: 6 }} index={index} />
                </svg>
                {s.label}
              </li>
            );
          })}
        </ul>
      ) : null}
    </figure>
  );
}
