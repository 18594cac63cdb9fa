import type { ChartOption } from './chart-option';

export interface ComparedRegion {
  /** Region name, unique among the entries (a plan with two rows of the indicator adds the row's name). */
  label: string;
  baseline: number | null;
  /** Numeric target: one value, or a range's two ends. */
  target: { min: number; max: number } | null;
  latest: number | null;
}

export interface ComparisonLabels {
  baseline: string;
  target: string;
  latest: string;
}

/**
 * One indicator across regions as a dot plot (the axis need not start at 0, so no bars): baseline, latest actual
 * and target as markers, a range's target at each end; regions in the order given.
 */
export function comparisonOption(regions: readonly ComparedRegion[], labels: ComparisonLabels): ChartOption {
  const categories = regions.map((r) => r.label);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, width: 96, overflow: 'break' },
    },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        type: 'scatter',
        name: labels.baseline,
        symbolSize: 12,
        data: regions.map((r) => r.baseline),
        itemStyle: { color: '#8c8c8c' },
      },
      {
        type: 'scatter',
        name: labels.latest,
        symbolSize: 12,
        data: regions.map((r) => r.latest),
        itemStyle: { color: '#0b6e4f' },
      },
      {
        type: 'scatter',
        name: labels.target,
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#cf1322' },
        data: regions.flatMap((r, i) =>
          !r.target
            ? []
            : r.target.min === r.target.max
              ? [[i, r.target.min]]
              : [
                  [i, r.target.min],
                  [i, r.target.max],
                ],
        ),
      },
    ],
  };
}

export interface RegionTrend {
  label: string;
  points: readonly { year: number; value: number }[];
  target: { min: number; max: number } | null;
}

const PALETTE = ['#0b6e4f', '#1677ff', '#d48806', '#722ed1', '#cf1322', '#13c2c2', '#8c8c8c'];

/**
 * The actuals of the regions that have any, year by year, one line each; each region's target as a dashed line
 * in its colour (a range at both ends).
 */
export function comparisonTrendOption(
  regions: readonly RegionTrend[],
  years: readonly number[],
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: regions.map((r, i) => {
      const color = PALETTE[i % PALETTE.length]!;
      const targets = r.target ? [...new Set([r.target.min, r.target.max])] : [];
      return {
        type: 'line' as const,
        name: r.label,
        data: years.map((y) => r.points.find((p) => p.year === y)?.value ?? null),
        itemStyle: { color },
        lineStyle: { color, width: 2 },
        connectNulls: false,
        ...(targets.length
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color, type: 'dashed' as const },
                label: { formatter: `${r.label} {c}`, position: 'insideEndTop' as const },
                data: targets.map((t) => ({ yAxis: t })),
              },
            }
          : {}),
      };
    }),
  };
}
