import { describe, expect, it } from 'vitest';
import { parseScope } from './scope.js';
import { mustSuppress } from './small-cell.js';

const cell = (code: string, numerator: number, denominator: number) => ({
  region: { code },
  numerator,
  denominator,
});

describe('small-cell rule', () => {
  const townA = parseScope('320612100');
  it('hides counts of 1–4 in regions beyond the scope, numerator or denominator', () => {
    expect(mustSuppress(townA, cell('320612', 3, 5000))).toBe(true);
    expect(mustSuppress(townA, cell('320612101201', 10, 4))).toBe(true);
    expect(mustSuppress(townA, cell('320612101201', 1, 20))).toBe(true);
  });
  it('hides small counts from a facility scope but for the facility’s own values', () => {
    const centre = parseScope('320612', 3);
    expect(mustSuppress(centre, cell('320612', 2, 900))).toBe(true);
    expect(mustSuppress(centre, { ...cell('320612100201', 2, 900), facility: { id: 4 } })).toBe(true);
    expect(mustSuppress(centre, { ...cell('320612100201', 2, 900), facility: { id: 3 } })).toBe(false);
    expect(mustSuppress(centre, cell('320612', 7, 900))).toBe(false);
  });
  it('shows 0, counts of 5 and more, and everything within the scope', () => {
    expect(mustSuppress(townA, cell('320612', 0, 5000))).toBe(false);
    expect(mustSuppress(townA, cell('320612', 5, 5))).toBe(false);
    expect(mustSuppress(townA, cell('320612100201', 1, 2))).toBe(false);
    expect(mustSuppress(parseScope(null), cell('320612', 1, 1))).toBe(false);
  });
});
