import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../testing/plan-fixture.js';
import { formatSummary, summarizePlan } from './summary.js';

describe('summarizePlan', () => {
  it('counts rows, mapped rows, target kinds and collects warnings with their row', () => {
    const plan = samplePlan({ warnings: ['以上指标建议等…确定后再确定'] });
    plan.indicators[1]!.warnings = ['unit ‰ disagrees with target 100%'];
    plan.indicators.push({
      ...plan.indicators[0]!,
      seq: '3',
      name: '健康素养',
      indicatorId: null,
      unmappedReason: 'x',
      target: { text: '持续提高', kind: 'qualitative' },
    });
    const s = summarizePlan(plan);
    expect(s.rows).toBe(3);
    expect(s.reviewRows).toBe(1);
    expect(s.mapped).toBe(1);
    expect(s.unmapped).toEqual([
      { seq: '2', name: '婴儿死亡率', reason: 'not in catalog' },
      { seq: '3', name: '健康素养', reason: 'x' },
    ]);
    expect(s.qualitative).toBe(1);
    expect(s.targetKinds).toEqual({ bound: 2, qualitative: 1 });
    expect(s.warnings).toEqual([
      '以上指标建议等…确定后再确定',
      '2 婴儿死亡率: unit ‰ disagrees with target 100%',
    ]);
    expect(formatSummary(plan, s)).toContain('已映射 mapped: 1/3');
  });
});
