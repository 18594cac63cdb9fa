/**
 * A small line chart of one plan row as an inline SVG string: the expected path from baseline to target
 * (dashed), the actuals (solid, with points), the least-squares projection to the period's end (dotted) and
 * the target's finite edges (red). Pure, so a test can read the coordinates; the HTML/PDF report inlines it.
 */
import type { TrendPoint } from '../../domain/plan/projection.js';
import { fmt } from '../../domain/plan/target-value.js';

export interface TrendChartInput {
  title: string;
  unit: string | null;
  /** First and last year of the x axis. */
  from: number;
  to: number;
  expected: readonly TrendPoint[];
  actuals: readonly TrendPoint[];
  /** From the last actual to the projected value. */
  projection: { from: TrendPoint; to: TrendPoint } | null;
  /** Acceptable values; infinite edges are not drawn. */
  target: { min: number; max: number } | null;
}

export const CHART_SIZE = { width: 560, height: 260, left: 56, right: 16, top: 36, bottom: 40 };

const COLOURS = {
  expected: '#7f8c8d',
  actual: '#1f77b4',
  projection: '#ff7f0e',
  target: '#c0392b',
  grid: '#e5e5e5',
};

export function trendChartSvg(input: TrendChartInput): string {
  const { width, height, left, right, top, bottom } = CHART_SIZE;
  const targetEdges = input.target ? [input.target.min, input.target.max].filter(Number.isFinite) : [];
  const values = [
    ...input.expected.map((p) => p.value),
    ...input.actuals.map((p) => p.value),
    ...(input.projection ? [input.projection.from.value, input.projection.to.value] : []),
    ...targetEdges,
  ].filter(Number.isFinite);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  [lo, hi] = [lo - pad, hi + pad];
  const span = Math.max(1, input.to - input.from);
  const x = (year: number) => round(left + ((year - input.from) / span) * (width - left - right));
  const y = (value: number) => round(top + ((hi - value) / (hi - lo)) * (height - top - bottom));
  const line = (pts: readonly TrendPoint[]) => pts.map((p) => `${x(p.year)},${y(p.value)}`).join(' ');

  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = lo + ((hi - lo) * i) / 4;
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${width - right}" y2="${y(v)}" stroke="${COLOURS.grid}"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${fmt(v)}</text>`,
    );
  }
  for (let year = input.from; year <= input.to; year++)
    parts.push(
      `<text x="${x(year)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${year}</text>`,
    );
  for (const edge of targetEdges) {
    parts.push(
      `<line class="target" x1="${left}" y1="${y(edge)}" x2="${width - right}" y2="${y(edge)}" stroke="${COLOURS.target}" stroke-width="1.5"/>`,
    );
  }
  if (input.expected.length > 1)
    parts.push(
      `<polyline class="expected" points="${line(input.expected)}" fill="none" stroke="${COLOURS.expected}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  if (input.projection)
    parts.push(
      `<polyline class="projection" points="${line([input.projection.from, input.projection.to])}" fill="none" stroke="${COLOURS.projection}" stroke-width="2" stroke-dasharray="2 3"/>`,
    );
  if (input.actuals.length > 1)
    parts.push(
      `<polyline class="actual" points="${line(input.actuals)}" fill="none" stroke="${COLOURS.actual}" stroke-width="2.5"/>`,
    );
  for (const p of input.actuals)
    parts.push(
      `<circle class="actual" cx="${x(p.year)}" cy="${y(p.value)}" r="3.5" fill="${COLOURS.actual}"/>`,
    );

  const legend = [
    ['实际值', COLOURS.actual, ''],
    ['期望路径', COLOURS.expected, '6 4'],
    ['趋势预测', COLOURS.projection, '2 3'],
    ['目标', COLOURS.target, ''],
  ]
    .map(([label, colour, dash], i) => {
      const lx = left + i * 110;
      return (
        `<line x1="${lx}" y1="${height - 8}" x2="${lx + 24}" y2="${height - 8}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
        `<text x="${lx + 30}" y="${height - 4}" font-size="11">${label}</text>`
      );
    })
    .join('');
  const title = `${input.title}${input.unit ? `（${input.unit}）` : ''}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<text x="${left}" y="20" font-size="13" font-weight="bold">${escapeXml(title)}</text>` +
    parts.join('') +
    legend +
    '</svg>'
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
