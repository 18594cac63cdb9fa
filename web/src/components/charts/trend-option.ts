import type { ChartOption } from './chart-option';

export interface TrendPoint {
  year: number;
  value: number;
}

/** What meets the target, as the assessment's `goal.accept` has it (null: open on that side). */
export interface TargetInterval {
  min: number | null;
  max: number | null;
}

export interface TrendInput {
  from: number;
  to: number;
  actuals: readonly (TrendPoint & { source: 'computed' | 'manual' })[];
  /** Hand-entered values not (yet) approved: shown apart, never counted. */
  pending: readonly TrendPoint[];
  /** The expected path from its start (baseline) to the period's end. */
  expected: readonly TrendPoint[];
  /** The least-squares line: its value in `year`, its slope, and the first year it rests on. */
  projection: { year: number; value: number; slope: number; from: number } | null;
  target: TargetInterval | null;
  /** The target as printed (`≤ 4`, `103-107`), for the legend's tooltip and the band's label. */
  targetText: string;
}

export interface TrendLabels {
  actual: string;
  pending: string;
  expected: string;
  projection: string;
  target: string;
}

export const TREND_COLORS = {
  actual: '#0b6e4f',
  manual: '#d48806',
  expected: '#8c8c8c',
  projection: '#1677ff',
  target: '#cf1322',
};

/** How a target is drawn: a line at a single value or at the bound of a one-sided target, a band for a range. */
export function targetShape(
  target: TargetInterval | null,
): { kind: 'line'; value: number } | { kind: 'band'; min: number; max: number } | null {
  if (!target || (target.min === null && target.max === null)) return null;
  if (target.min !== null && target.max !== null) {
    return target.min === target.max
      ? { kind: 'line', value: target.min }
      : { kind: 'band', min: target.min, max: target.max };
  }
  return { kind: 'line', value: (target.min ?? target.max)! };
}

// The projection's line, rounded so that tooltips do not show float noise.
const round = (n: number) => Number(n.toFixed(4));

/**
 * Axis bounds that hold every value with some room, on a round step (1, 2, 2.5 or 5 × 10ⁿ, about five steps):
 * 5.04–7.19 becomes 5–7.5, not the raw figures. Never below 0 when nothing is negative.
 */
export function niceBounds(low: number, high: number): { min: number; max: number } {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const min = Math.floor((low - span * 0.05) / step) * step;
  const max = Math.ceil((high + span * 0.05) / step) * step;
  return { min: round(low >= 0 ? Math.max(0, min) : min), max: round(max) };
}

/**
 * The indicator detail's chart: actuals (manual ones in another colour; entered but unapproved ones as hollow
 * points apart), the expected path (dashed), the
 * least-squares projection to the period's end (dotted) and the target as a line or band. Years on a category
 * axis from `from` to `to`; a year without a value is a gap.
 */
export function trendOption(input: TrendInput, labels: TrendLabels): ChartOption {
  const years = Array.from({ length: input.to - input.from + 1 }, (_, i) => input.from + i);
  const at = (points: readonly TrendPoint[]) =>
    years.map((y) => points.find((p) => p.year === y)?.value ?? null);
  const projection = input.projection;
  const projected = projection
    ? years.map((y) =>
        y >= projection.from && y <= projection.year
          ? round(projection.value + projection.slope * (y - projection.year))
          : null,
      )
    : null;
  const shape = targetShape(input.target);
  const values = [
    ...input.actuals.map((p) => p.value),
    ...input.pending.map((p) => p.value),
    ...input.expected.map((p) => p.value),
    ...(projected ?? []).filter((v): v is number => v !== null),
    ...(shape ? (shape.kind === 'line' ? [shape.value] : [shape.min, shape.max]) : []),
  ];
  const bounds = niceBounds(Math.min(...values), Math.max(...values));

  const targetSeries = {
    type: 'line' as const,
    name: labels.target,
    data: [] as number[],
    itemStyle: { color: TREND_COLORS.target },
    ...(shape?.kind === 'line'
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: TREND_COLORS.target, type: 'solid' as const, width: 1.5 },
            label: { formatter: input.targetText, position: 'insideEndTop' as const },
            data: [{ yAxis: shape.value }],
          },
        }
      : {}),
    ...(shape?.kind === 'band'
      ? {
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(207, 19, 34, 0.08)' },
            label: { formatter: input.targetText, position: 'insideTopRight' as const },
            data: [[{ yAxis: shape.min }, { yAxis: shape.max }]] as [{ yAxis: number }, { yAxis: number }][],
          },
        }
      : {}),
  };

  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? String(round(v)) : '—') },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', ...bounds },
    series: [
      {
        type: 'line',
        name: labels.actual,
        data: years.map((y) => {
          const point = input.actuals.find((p) => p.year === y);
          if (!point) return null;
          return point.source === 'manual'
            ? { value: point.value, itemStyle: { color: TREND_COLORS.manual } }
            : point.value;
        }),
        symbolSize: 7,
        lineStyle: { width: 2.5, color: TREND_COLORS.actual },
        itemStyle: { color: TREND_COLORS.actual },
        connectNulls: false,
      },
      ...(input.pending.length
        ? [
            {
              type: 'scatter' as const,
              name: labels.pending,
              data: at(input.pending),
              symbol: 'emptyCircle',
              symbolSize: 9,
              itemStyle: { color: TREND_COLORS.manual },
            },
          ]
        : []),
      {
        type: 'line',
        name: labels.expected,
        data: at(input.expected),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: TREND_COLORS.expected },
        itemStyle: { color: TREND_COLORS.expected },
        connectNulls: true,
      },
      ...(projected
        ? [
            {
              type: 'line' as const,
              name: labels.projection,
              data: projected,
              symbol: 'none',
              lineStyle: { type: 'dotted' as const, width: 2, color: TREND_COLORS.projection },
              itemStyle: { color: TREND_COLORS.projection },
            },
          ]
        : []),
      ...(shape ? [targetSeries] : []),
    ],
  };
}
