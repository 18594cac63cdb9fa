import { describe, expect, it } from 'vitest';
import {
  isComputable,
  periodBasisOf,
  selectActuals,
  type ComputedActual,
  type ManualActual,
} from './actuals.js';

const computed = (year: number, value: number): ComputedActual => ({
  year,
  value,
  numerator: value,
  denominator: 1,
  periodBasis: 'calendar',
  definitionVersion: 1,
  populationBasis: 'resident-year-end',
  computedAt: '2024-01-01T00:00:00.000Z',
  provenance: {},
});
const manual = (year: number, value: number, status: ManualActual['status']): ManualActual => ({
  id: year,
  year,
  value,
  status,
  returnReason: null,
  source: null,
  createdBy: 'p',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedBy: 'a',
  updatedAt: '2024-01-02T00:00:00.000Z',
});

describe('actuals selection rule', () => {
  it('takes the computed value of a computable indicator, showing the manual one beside it', () => {
    const [y] = selectActuals(true, [computed(2022, 83.6)], [manual(2022, 83, 'approved')]);
    expect(y).toMatchObject({
      year: 2022,
      chosen: { value: 83.6, source: 'computed' },
      manual: { value: 83 },
    });
  });

  it('falls back to an approved manual value when no computed value exists for the year', () => {
    const ys = selectActuals(true, [computed(2021, 1)], [manual(2022, 2, 'approved')]);
    expect(ys.map((y) => [y.year, y.chosen])).toEqual([
      [2021, { value: 1, source: 'computed' }],
      [2022, { value: 2, source: 'manual' }],
    ]);
  });

  it('uses the manual value of an indicator the records cannot determine, even beside a computed one', () => {
    const [y] = selectActuals(false, [computed(2022, 40)], [manual(2022, 31, 'approved')]);
    expect(y).toMatchObject({ chosen: { value: 31, source: 'manual' }, computed: { value: 40 } });
  });

  it('never uses a manual value that is not approved', () => {
    const ys = selectActuals(
      false,
      [],
      [manual(2021, 1, 'draft'), manual(2022, 2, 'submitted'), manual(2023, 3, 'returned')],
    );
    expect(ys.map((y) => y.chosen)).toEqual([null, null, null]);
    expect(ys.map((y) => y.manual?.status)).toEqual(['draft', 'submitted', 'returned']);
  });

  it('knows computability and the period basis from the catalog and the definitions', () => {
    expect(isComputable('life-expectancy')).toBe(true);
    expect(isComputable('health-literacy-level')).toBe(false);
    expect(isComputable(null)).toBe(false);
    expect(periodBasisOf('infant-mortality-rate')).toBe('mch');
    expect(periodBasisOf('beds-per-1000')).toBe('calendar');
  });
});
