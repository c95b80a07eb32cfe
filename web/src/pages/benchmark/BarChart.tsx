import type { BarRow } from '../../lib/benchmark';

const WIDTH = 520;
const LABEL = 190;
const ROW = 26;

/**
 * Percentages as horizontal bars with their 95% interval as a whisker,
 * drawn as SVG. The table next to it carries the same figures for screen
 * readers, so the chart is one labelled image.
 */
export function BarChart({ rows, label }: { rows: readonly BarRow[]; label: string }) {
  const scale = (p: number) => LABEL + ((WIDTH - LABEL - 10) * Math.max(0, Math.min(100, p))) / 100;
  const height = rows.length * ROW + 20;
  return (
    <svg
      className="regie-bar-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={scale(p)} x2={scale(p)} y1={0} y2={height - 16} stroke="#ccc" />
          <text x={scale(p)} y={height - 4} fontSize="11" textAnchor="middle">
            {p}%
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = i * ROW + 4;
        const fill = r.regional ? '#4b4b4b' : r.own ? '#0b5394' : '#8fb3d9';
        return (
          <g key={r.key} data-row={r.key}>
            <text
              x={LABEL - 6}
              y={y + 14}
              fontSize="12"
              textAnchor="end"
              fontWeight={r.own || r.regional ? 'bold' : 'normal'}
            >
              {r.label}
            </text>
            {r.percent !== null ? (
              <rect
                x={LABEL}
                y={y + 3}
                width={scale(r.percent) - LABEL}
                height={ROW - 10}
                fill={fill}
              />
            ) : (
              <text x={LABEL + 4} y={y + 14} fontSize="11">
                –
              </text>
            )}
            {r.lower !== null && r.upper !== null && r.percent !== null ? (
              <line
                x1={scale(r.lower)}
                x2={scale(r.upper)}
                y1={y + 8}
                y2={y + 8}
                stroke="#000"
                strokeWidth="1.5"
              />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
