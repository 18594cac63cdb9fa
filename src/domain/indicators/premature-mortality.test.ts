import { describe, expect, it } from 'vitest';
import { WeijianError } from '../errors.js';
import {
  isMajorNcdCause,
  prematureNcdMortality,
  type PrematureMortalityGroup,
} from './premature-mortality.js';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof WeijianError) return e.code;
    throw e;
  }
  return undefined;
}

const ages = [30, 35, 40, 45, 50, 55, 60, 65];
function groupsOf(cells: readonly (readonly [number, number])[]): PrematureMortalityGroup[] {
  return cells.map(([deaths, population], i) => ({ ageStart: ages[i]!, deaths, population }));
}

describe('prematureNcdMortality (WHO SDG 3.4.1)', () => {
  // Worked by hand, q = 5m / (1 + 2.5m), survival S = Π(1 − q):
  //   30–34: m =  5/10000 = 0.0005 → q = 0.0025/1.00125 = 0.002496879  S = 0.997503121
  //   35–39: m =  8/10000 = 0.0008 → q = 0.004/1.002    = 0.003992016  S = 0.993521073
  //   40–44: m = 12/8000  = 0.0015 → q = 0.0075/1.00375 = 0.007471980  S = 0.986097503
  //   45–49: m = 24/8000  = 0.003  → q = 0.015/1.0075   = 0.014888337  S = 0.971416151
  //   50–54: m = 36/6000  = 0.006  → q = 0.03/1.015    = 0.029556650  S = 0.942704343
  //   55–59: m = 48/6000  = 0.008  → q = 0.04/1.02     = 0.039215686  S = 0.905735545
  //   60–64: m = 50/5000  = 0.01   → q = 0.05/1.025    = 0.048780488  S = 0.861553324
  //   65–69: m = 80/4000  = 0.02   → q = 0.1/1.05      = 0.095238095  S = 0.779500626
  //   probability = 1 − 0.779500626 = 22.05 %
  const cells: [number, number][] = [
    [5, 10000],
    [8, 10000],
    [12, 8000],
    [24, 8000],
    [36, 6000],
    [48, 6000],
    [50, 5000],
    [80, 4000],
  ];
  const expectedQ = [
    0.002496879, 0.003992016, 0.00747198, 0.014888337, 0.02955665, 0.039215686, 0.048780488, 0.095238095,
  ];

  it('matches the hand-computed example', () => {
    const result = prematureNcdMortality(groupsOf(cells));
    result.groups.forEach((g, i) => expect(g.qx).toBeCloseTo(expectedQ[i]!, 9));
    expect(result.probability).toBeCloseTo(22.0499374, 6);
    expect(result.probability.toFixed(2)).toBe('22.05');
    expect(result.warnings).toEqual([]);
  });

  it('gives 0 without deaths and ignores groups outside 30–69, in any order', () => {
    expect(prematureNcdMortality(groupsOf(cells.map(([, p]) => [0, p]))).probability).toBe(0);
    const extra = [
      { ageStart: 25, deaths: 999, population: 1000 },
      ...groupsOf(cells).reverse(),
      { ageStart: 70, deaths: 999, population: 1000 },
      { ageStart: 85, deaths: 999, population: 1000 },
    ];
    expect(prematureNcdMortality(extra).probability).toBeCloseTo(22.0499374, 6);
  });

  it('a single group with m = 0.01 elsewhere zero: q = 0.05/1.025 → 4.878 %', () => {
    const one = groupsOf(cells.map(([, p], i) => [i === 6 ? 50 : 0, p]));
    expect(prematureNcdMortality(one).probability).toBeCloseTo(4.87804878, 7);
  });

  it('caps q at 1 (m > 0.4) with a warning', () => {
    const r = prematureNcdMortality(groupsOf(cells.map((c, i) => (i === 7 ? [3, 5] : c))));
    expect(r.groups[7]!.qx).toBe(1);
    expect(r.probability).toBe(100);
    expect(r.warnings.map((w) => [w.code, w.ageStart])).toEqual([['q-capped', 65]]);
  });

  it('refuses missing, repeated, misaligned or empty groups and bad counts', () => {
    expect(errorCode(() => prematureNcdMortality(groupsOf(cells).slice(1)))).toBe(
      'premature-mortality.age-groups',
    );
    const twice = [...groupsOf(cells), { ageStart: 40, deaths: 1, population: 10 }];
    expect(errorCode(() => prematureNcdMortality(twice))).toBe('premature-mortality.age-groups');
    const odd = [...groupsOf(cells), { ageStart: 32, deaths: 1, population: 10 }];
    expect(errorCode(() => prematureNcdMortality(odd))).toBe('premature-mortality.age-groups');
    const empty = groupsOf(cells.map((c, i) => (i === 2 ? [0, 0] : c)));
    expect(errorCode(() => prematureNcdMortality(empty))).toBe('premature-mortality.empty-group');
    const negative = groupsOf(cells.map((c, i) => (i === 2 ? [-1, 100] : c)));
    expect(errorCode(() => prematureNcdMortality(negative))).toBe('premature-mortality.invalid-count');
  });

  it('stays within [0, 100] and grows with deaths (property)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 500; trial++) {
      const groups = groupsOf(
        ages.map(() => {
          const population = 1 + Math.floor(random() * (trial % 2 ? 50 : 50000));
          return [Math.floor(random() * population * (trial % 5 === 0 ? 1 : 0.02)), population] as const;
        }),
      );
      const { probability } = prematureNcdMortality(groups);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(100);
      const i = Math.floor(random() * 8);
      const more = groups.map((g, j) => (j === i ? { ...g, deaths: g.deaths + 1 } : g));
      expect(prematureNcdMortality(more).probability).toBeGreaterThanOrEqual(probability);
    }
  });
});

describe('isMajorNcdCause', () => {
  it('includes I00–I99, C00–C97, J30–J98, E10–E14', () => {
    for (const code of ['I10', 'I00', 'I99', 'I21.9', 'I63.900', 'C00', 'C34.1', 'C97', 'C16.901']) {
      expect(isMajorNcdCause(code), code).toBe(true);
    }
    for (const code of ['J30', 'J44.9', 'J45', 'J98.4', 'E10', 'E11.9', 'E14', 'E11.900x001', 'E11.5†']) {
      expect(isMajorNcdCause(code), code).toBe(true);
    }
  });

  it('excludes neighbouring codes', () => {
    for (const code of ['J20', 'J18.9', 'J22', 'J29', 'J99', 'E15', 'E09', 'E16.2', 'D00', 'D48.9', 'C98']) {
      expect(isMajorNcdCause(code), code).toBe(false);
    }
    for (const code of ['V89.2', 'X70', 'A15.0', 'R99', 'U07.1', 'K70.3', 'G30.9']) {
      expect(isMajorNcdCause(code), code).toBe(false);
    }
  });

  it('reads case, spaces, full-width characters and missing dots; refuses what is not one code', () => {
    expect(isMajorNcdCause(' i10 ')).toBe(true);
    expect(isMajorNcdCause('c341')).toBe(true);
    expect(isMajorNcdCause('Ｊ４４．９')).toBe(true);
    expect(isMajorNcdCause('I10.x00x002')).toBe(true);
    for (const code of ['', 'I', 'I1', 'II0', '10', 'I10-I15', 'I10 I11', 'C34.1, J44']) {
      expect(isMajorNcdCause(code), code).toBe(false);
    }
  });
});
