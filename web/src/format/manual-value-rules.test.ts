import { describe, expect, it } from 'vitest';
import { entryYears, valueProblem } from './manual-value-rules';

describe('valueProblem', () => {
  it('keeps a share within 0–100 % and counts and rates non-negative', () => {
    expect(valueProblem(27.5, '%', '居民健康素养水平')).toBeNull();
    expect(valueProblem(100, '%', '居民健康素养水平')).toBeNull();
    expect(valueProblem(100.1, '%', '居民健康素养水平')).toBe('manual.form.percent');
    expect(valueProblem(-1, '%', '15岁以上人群吸烟率')).toBe('manual.form.negative');
    expect(valueProblem(-0.5, '岁', '健康预期寿命')).toBe('manual.form.negative');
    expect(valueProblem(140, '个', '家庭医生团队数')).toBeNull();
  });

  it('lets a rate of change be negative or above 100 %', () => {
    expect(valueProblem(-3.2, '%', '健康服务业总规模年均增速')).toBeNull();
    expect(valueProblem(120, '%', '门诊量增长率')).toBeNull();
  });

  it('refuses what is not a number', () => {
    expect(valueProblem(Number.NaN, '%', '居民健康素养水平')).toBe('manual.form.required');
  });
});

describe('entryYears', () => {
  it('runs from the baseline year to the end of the period', () => {
    expect(entryYears({ start: 2021, end: 2025 })).toEqual({ min: 2020, max: 2025 });
  });
});
