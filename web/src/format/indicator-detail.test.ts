import { describe, expect, it } from 'vitest';
import type { DetailedRow } from '../api/assessment-detail';
import { trendInputOf } from './indicator-detail';

const computed = (year: number, value: number) => ({
  year,
  chosen: { value, source: 'computed' as const },
  computed: null,
  manual: null,
});

// The shape the assessment API answers (婴儿死亡率 of the demo county, trimmed).
const row = {
  position: 3,
  actuals: [
    computed(2015, 3),
    computed(2020, 0),
    computed(2024, 0),
    // Entered by hand and submitted, not approved: drawn apart, not an actual.
    {
      year: 2025,
      chosen: null,
      computed: null,
      manual: { id: 1, year: 2025, value: 2, status: 'submitted' },
    },
  ],
  assessment: {
    target: { text: '≤ 4', kind: 'bound', description: { zh: '≤ 4', en: '≤ 4' } },
    goal: { value: 4, tolerance: 0, accept: { min: null, max: 4 }, aim: { min: null, max: 4 } },
    pathStart: { year: 2020, value: 1.59, source: 'baseline' },
    expectedPath: [
      { year: 2021, value: 1.59 },
      { year: 2025, value: 1.59 },
    ],
    projection: { year: 2025, value: 0, points: 3, slope: 0, r2: 1, note: null },
  },
} as unknown as DetailedRow;

describe('trendInputOf', () => {
  it('takes the chosen actuals from the baseline year on, the path from its start and the projection', () => {
    expect(trendInputOf(row, { start: 2021, end: 2025 })).toEqual({
      from: 2020,
      to: 2025,
      actuals: [
        { year: 2020, value: 0, source: 'computed' },
        { year: 2024, value: 0, source: 'computed' },
      ],
      pending: [{ year: 2025, value: 2 }],
      expected: [
        { year: 2020, value: 1.59 },
        { year: 2021, value: 1.59 },
        { year: 2025, value: 1.59 },
      ],
      projection: { year: 2025, value: 0, slope: 0, from: 2020 },
      target: { min: null, max: 4 },
      targetText: '≤ 4',
    });
  });

  it('has no projection or target when the assessment has none', () => {
    const bare = {
      ...row,
      assessment: {
        ...row.assessment,
        goal: null,
        pathStart: null,
        expectedPath: [],
        projection: { year: 2025, value: null, points: 1, slope: null, r2: null, note: null },
      },
    } as DetailedRow;
    const input = trendInputOf(bare, { start: 2021, end: 2025 });
    expect([input.projection, input.target, input.expected]).toEqual([null, null, []]);
  });
});
