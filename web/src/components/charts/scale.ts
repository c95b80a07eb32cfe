// Pure geometry for the hand-written SVG charts: scales, ticks that do not
// overlap, and the vertices of a step line.

export interface Point {
  x: number;
  y: number;
}

/** Days since 1970-01-01 of an ISO date, so dates sit at their distance in time. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * The ticks to label, at least `minGap` apart: the first, then each that
 * fits; the last always, dropping the one before it when they would touch.
 * `positions` must be ascending.
 */
export function pickTicks<T extends { x: number }>(positions: readonly T[], minGap: number): T[] {
  const picked: T[] = [];
  for (const p of positions) {
    if (picked.length === 0 || p.x - picked[picked.length - 1]!.x >= minGap) picked.push(p);
  }
  const last = positions[positions.length - 1];
  if (last && picked[picked.length - 1] !== last) {
    while (picked.length > 1 && last.x - picked[picked.length - 1]!.x < minGap) picked.pop();
    if (picked.length === 1 && last.x - picked[0]!.x < minGap) picked.pop();
    picked.push(last);
  }
  return picked;
}

/** A step line: each value holds until the next point, then changes. */
export function stepVertices(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  points.forEach((p, i) => {
    if (i > 0) out.push({ x: p.x, y: points[i - 1]!.y });
    out.push(p);
  });
  return out;
}

/** An SVG path through the points. */
export function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
