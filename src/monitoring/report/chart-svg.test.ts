import { describe, expect, it } from 'vitest';
import { CHART_SIZE, trendChartSvg } from './chart-svg.js';

const points = (svg: string, cls: string) =>
  new RegExp(`<polyline class="${cls}" points="([^"]+)"`).exec(svg)?.[1]?.split(' ') ?? null;

describe('trend chart SVG', () => {
  // Values 0–10 padded by 10% → the y axis runs −1 to 11 over the plot height 260 − 36 − 40 = 184.
  const svg = trendChartSvg({
    title: '每千人口药师（士）数 <R&D>',
    unit: '人',
    from: 2020,
    to: 2025,
    expected: [
      { year: 2020, value: 0 },
      { year: 2025, value: 10 },
    ],
    actuals: [
      { year: 2020, value: 0 },
      { year: 2022, value: 2 },
    ],
    projection: { from: { year: 2022, value: 2 }, to: { year: 2025, value: 5 } },
    target: { min: 10, max: Infinity },
  });
  const x = (year: number) => CHART_SIZE.left + ((year - 2020) / 5) * (560 - 56 - 16);
  const y = (v: number) => Math.round((36 + ((11 - v) / 12) * 184) * 10) / 10;

  it('places the path, actuals and projection on the year and value scales', () => {
    expect(points(svg, 'expected')).toEqual([`${x(2020)},${y(0)}`, `${x(2025)},${y(10)}`]);
    expect(points(svg, 'actual')).toEqual([`${x(2020)},${y(0)}`, `${Math.round(x(2022) * 10) / 10},${y(2)}`]);
    expect(points(svg, 'projection')).toEqual([
      `${Math.round(x(2022) * 10) / 10},${y(2)}`,
      `${x(2025)},${y(5)}`,
    ]);
    expect(svg.match(/<circle class="actual"/g)).toHaveLength(2);
  });

  it('draws only the finite edge of a one-sided target', () => {
    expect(svg.match(/class="target"/g)).toHaveLength(1);
    expect(svg).toContain(`y1="${y(10)}"`);
  });

  it('escapes the title and names the unit', () => {
    expect(svg).toContain('每千人口药师（士）数 &#60;R&#38;D&#62;（人）');
    expect(svg).not.toContain('<R&D>');
  });

  it('draws a single point without lines and survives a flat series', () => {
    const one = trendChartSvg({
      title: 't',
      unit: null,
      from: 2020,
      to: 2025,
      expected: [],
      actuals: [{ year: 2023, value: 5 }],
      projection: null,
      target: null,
    });
    expect(one).not.toContain('<polyline');
    expect(one).toContain('<circle class="actual"');
    expect(one).not.toContain('NaN');
  });
});
