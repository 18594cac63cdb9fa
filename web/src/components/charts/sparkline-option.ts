import type { ChartOption } from './chart-option';

export interface SparkPoint {
  year: number;
  value: number | null;
}

/**
 * A key figure's trend as a sparkline: no axes, no labels, the years in order; a missing year is a gap, not a
 * zero. The last point is marked so the eye finds the figure the card prints.
 */
export function sparklineOption(points: readonly SparkPoint[], color: string): ChartOption {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const last = sorted.findLastIndex((p) => p.value !== null);
  return {
    animation: false,
    grid: { left: 2, right: 6, top: 6, bottom: 2 },
    xAxis: { type: 'category', show: false, data: sorted.map((p) => String(p.year)) },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { show: false },
    series: [
      {
        type: 'line',
        data: sorted.map((p, i) =>
          i === last && p.value !== null ? { value: p.value, symbolSize: 5 } : p.value,
        ),
        connectNulls: false,
        showSymbol: false,
        symbol: 'circle',
        lineStyle: { width: 1.5, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.08 },
      },
    ],
  };
}
