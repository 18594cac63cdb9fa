import type { ChartOption } from './chart-option';

export interface TownValue {
  name: string;
  value: number | null;
}

/** Towns with a value, largest first; those without one (none computed, or suppressed) apart, by name. */
export function sortTowns(towns: readonly TownValue[]): { ranked: TownValue[]; missing: string[] } {
  return {
    ranked: towns.filter((t) => t.value !== null).sort((a, b) => b.value! - a.value!),
    missing: towns
      .filter((t) => t.value === null)
      .map((t) => t.name)
      .sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

/** Pixel height that gives each town's bar a readable row. */
export const townBarsHeight = (count: number) => Math.max(120, 40 + count * 24);

/**
 * The breakdown by town as horizontal bars, largest at the top, with the county's value as a line for
 * reference.
 */
export function townBarsOption(
  ranked: readonly TownValue[],
  county: { label: string; value: number | null },
): ChartOption {
  // The category axis draws its first entry at the bottom: reverse so the largest is on top.
  const rows = [...ranked].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', scale: false },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => Number(r.value!.toFixed(2))),
        itemStyle: { color: '#0b6e4f' },
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize: 11 },
        ...(county.value !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed' as const },
                label: {
                  formatter: `${county.label} ${Number(county.value.toFixed(2))}`,
                  position: 'end' as const,
                },
                data: [{ xAxis: Number(county.value.toFixed(2)) }],
              },
            }
          : {}),
      },
    ],
  };
}
