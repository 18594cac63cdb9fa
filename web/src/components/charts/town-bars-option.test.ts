import { describe, expect, it } from 'vitest';
import { sortTowns, townBarsOption } from './town-bars-option';

describe('town breakdown', () => {
  const towns = [
    { name: '西亭镇', value: 2.5 },
    { name: '金沙街道', value: 7.129 },
    { name: '环本农场', value: null },
    { name: '二甲镇', value: 0 },
    { name: '东社镇', value: null },
  ];

  it('ranks the towns with a value, largest first, and lists the others apart', () => {
    const { ranked, missing } = sortTowns(towns);
    expect(ranked.map((t) => t.name)).toEqual(['金沙街道', '西亭镇', '二甲镇']);
    expect(missing).toEqual(['东社镇', '环本农场']);
  });

  it('draws the largest on top with the county as a reference line', () => {
    const option = townBarsOption(sortTowns(towns).ranked, { label: '全区', value: 3.456 });
    expect(option.yAxis).toMatchObject({ data: ['二甲镇', '西亭镇', '金沙街道'] });
    const [bars] = option.series as { data: number[]; markLine: { data: unknown[] } }[];
    expect(bars!.data).toEqual([0, 2.5, 7.13]);
    expect(bars!.markLine.data).toEqual([{ xAxis: 3.46 }]);
    const [noCounty] = townBarsOption([], { label: '全区', value: null }).series as object[];
    expect(noCounty).not.toHaveProperty('markLine');
  });
});
