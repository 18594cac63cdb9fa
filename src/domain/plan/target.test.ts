import { existsSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { seedPath, seedsDir, type SeedName } from '../../testing/seeds.js';
import { describeTarget, meetsTarget, parseTarget, TOLERANCE_RULE } from './target.js';
import type { Comparison } from './types.js';

/** The parsed fields besides `text`. */
type Expected = Record<string, unknown>;

const bound = (op: Comparison, value: number, percent = false): Expected => ({
  kind: 'bound',
  op,
  value,
  percent,
});
const exact = (value: number, percent = false): Expected => ({ kind: 'exact', value, percent });
const approx = (value: number, tolerance: number, percent = false): Expected => ({
  kind: 'approx',
  value,
  tolerance,
  toleranceRule: TOLERANCE_RULE,
  percent,
});

/**
 * Every target cell of the five main-indicator tables (and the 2020-target column of 通州 表1), read by hand,
 * with its meaning worked out by hand. A text repeated within one table is listed once.
 */
const seedTargets: Record<SeedName, [string, Expected][]> = {
  tongzhou: [
    // 表1, 2020年规划目标
    ['≥ 80', bound('>=', 80)],
    ['≤ 5', bound('<=', 5)],
    ['≤ 4', bound('<=', 4)],
    ['≤ 6', bound('<=', 6)],
    ['≥ 97', bound('>=', 97)],
    ['≤ 30', bound('<=', 30)],
    [
      '比2015年（12.93）降低10%',
      { kind: 'relative', baseYear: 2015, baseValue: 12.93, direction: 'decrease', percent: 10 },
    ],
    ['≥ 90', bound('>=', 90)],
    ['≥ 24', bound('>=', 24)],
    ['≥ 95', bound('>=', 95)],
    ['100', exact(100)],
    ['≥ 2.5', bound('>=', 2.5)],
    ['≥ 3.14', bound('>=', 3.14)],
    ['3.5', exact(3.5)],
    ['6', exact(6)],
    ['≤ 28', bound('<=', 28)],
    ['≥ 85', bound('>=', 85)],
    ['90', exact(90)],
    // 表2, 2025年
    ['83.5', exact(83.5)],
    ['同比例提高', { kind: 'proportional', direction: 'increase' }],
    ['≤ 9.2', bound('<=', 9.2)],
    ['≥ 36', bound('>=', 36)],
    ['≤ 21', bound('<=', 21)],
    ['2.6', exact(2.6)],
    ['0.57', exact(0.57)],
    ['3', exact(3)],
    ['0.54', exact(0.54)],
    ['4.5', exact(4.5)],
    [
      '在2020年基础上增长50%',
      { kind: 'relative', baseYear: 2020, baseValue: null, direction: 'increase', percent: 50 },
    ],
    // The cell is printed over two lines.
    ['达到全省\n\n平均水平', { kind: 'benchmark', benchmark: '全省平均水平', op: '>=' }],
    ['≥ 4.5', bound('>=', 4.5)],
    ['≤ 55', bound('<=', 55)],
    ['≥ 75', bound('>=', 75)],
    ['60左右', approx(60, 1)],
    ['30', exact(30)],
    ['24左右', approx(24, 1)],
    ['8.5左右', approx(8.5, 0.1)],
  ],
  siyang: [
    ['80左右', approx(80, 1)],
    ['同比例提高', { kind: 'proportional', direction: 'increase' }],
    ['≤7', bound('<=', 7)],
    ['≤3', bound('<=', 3)],
    ['≤5', bound('<=', 5)],
    ['≤9.6', bound('<=', 9.6)],
    ['≥36', bound('>=', 36)],
    ['≤21', bound('<=', 21)],
    ['60', exact(60)],
    ['7.6', exact(7.6)],
    ['3.6', exact(3.6)],
    ['0.45', exact(0.45)],
    ['4.5', exact(4.5)],
    ['0.54', exact(0.54)],
    ['4.0', exact(4)],
    [
      '在2020年基础上增长50%',
      { kind: 'relative', baseYear: 2020, baseValue: null, direction: 'increase', percent: 50 },
    ],
    ['4.5左右', approx(4.5, 0.1)],
    ['≤55', bound('<=', 55)],
    ['≥72', bound('>=', 72)],
    ['70左右', approx(70, 1)],
    ['≥85', bound('>=', 85)],
    ['30', exact(30)],
    ['24左右', approx(24, 1)],
    ['8.5左右', approx(8.5, 0.1)],
  ],
  jiangyin: [
    ['83', exact(83)],
    ['<7', bound('<', 7)],
    ['<4', bound('<', 4)],
    ['<5', bound('<', 5)],
    ['103-107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['36.5', exact(36.5)],
    ['≤10', bound('<=', 10)],
    ['<21', bound('<', 21)],
    ['>95', bound('>', 95)],
    ['-', { kind: 'notSet' }],
    ['28', exact(28)],
    ['<8.5', bound('<', 8.5)],
    ['≥44', bound('>=', 44)],
    ['≤4.1', bound('<=', 4.1)],
    ['7.6', exact(7.6)],
    ['3.9', exact(3.9)],
    ['4.5', exact(4.5)],
    ['1.7', exact(1.7)],
    ['≥90', bound('>=', 90)],
    ['≥95', bound('>=', 95)],
    ['100', exact(100)],
    ['≥73', bound('>=', 73)],
    ['7.7', exact(7.7)],
    ['20', exact(20)],
    ['65', exact(65)],
    ['30', exact(30)],
  ],
  jizhou: [
    ['81.37', exact(81.37)],
    ['5‰', { kind: 'exact', value: 5, percent: false, unit: '‰' }],
    ['8.5/10万', { kind: 'exact', value: 8.5, percent: false, unit: '/10万' }],
    ['31%', exact(31, true)],
    ['4.41', exact(4.41)],
    ['3.5', exact(3.5)],
    ['4', exact(4)],
    ['≥1.75', bound('>=', 1.75)],
    ['1：1', { kind: 'ratio', left: 1, right: 1 }],
    ['29%左右', approx(29, 1, true)],
    ['90％', exact(90, true)],
    ['80％', exact(80, true)],
    [
      '二级以上综合医院住院患者≤40',
      { kind: 'bound', op: '<=', value: 40, percent: false, scope: '二级以上综合医院住院患者' },
    ],
    ['95％', exact(95, true)],
    [
      '较2015年降低20％',
      { kind: 'relative', baseYear: 2015, baseValue: null, direction: 'decrease', percent: 20 },
    ],
    ['减少15%', { kind: 'relative', baseYear: null, baseValue: null, direction: 'decrease', percent: 15 }],
  ],
  baotou: [
    ['≥79.3', bound('>=', 79.3)],
    ['——', { kind: 'notSet' }],
    ['≥91', bound('>=', 91)],
    ['100%', exact(100, true)],
    ['≤6.5', bound('<=', 6.5)],
    ['≥95', bound('>=', 95)],
    ['≥90', bound('>=', 90)],
    ['≥80', bound('>=', 80)],
    ['≥70', bound('>=', 70)],
    ['≤6.6', bound('<=', 6.6)],
    ['≥4.0', bound('>=', 4)],
    ['≥4.8', bound('>=', 4.8)],
    ['≥1.5', bound('>=', 1.5)],
    ['≥1.2', bound('>=', 1.2)],
    ['3', exact(3)],
    ['1:1.20', { kind: 'ratio', left: 1, right: 1.2 }],
    ['≥30', bound('>=', 30)],
    ['≥85', bound('>=', 85)],
    ['≤8', bound('<=', 8)],
    ['≥65', bound('>=', 65)],
    ['≤28', bound('<=', 28)],
    ['100', exact(100)],
  ],
};

describe('parseTarget on the seed plans', () => {
  for (const [seed, targets] of Object.entries(seedTargets)) {
    it.each(targets)(`${seed}: %j`, (text, expected) => {
      expect(parseTarget(text)).toEqual({ text, ...expected });
    });
  }

  it('leaves no seed target qualitative', () => {
    const kinds = Object.values(seedTargets).flatMap((targets) =>
      targets.map(([text]) => parseTarget(text).kind),
    );
    expect(kinds).not.toContain('qualitative');
  });

  // Guards the hand-made list against typos: each text is a cell of its seed (cells are one a line).
  it.skipIf(!existsSync(seedsDir)).each(Object.keys(seedTargets) as SeedName[])(
    '%s lists real cells',
    (seed) => {
      const source = readFileSync(seedPath(seed), 'utf8').replace(/\r\n/g, '\n');
      const cells = new Set(source.split('\n').map((line) => line.trim()));
      const missing = seedTargets[seed].filter(
        ([text]) => !cells.has(text) && !source.includes(`\t${text}\n`),
      );
      expect(missing).toEqual([]);
    },
  );
});

describe('parseTarget grammar', () => {
  it.each<[string, Expected]>([
    ['≤ 6', bound('<=', 6)],
    ['＜7', bound('<', 7)],
    ['＞95', bound('>', 95)],
    ['≦ 9.6', bound('<=', 9.6)],
    ['≧95％', bound('>=', 95, true)],
    ['=<4', bound('<=', 4)],
    ['>=36', bound('>=', 36)],
    ['≥ ９５ ％', bound('>=', 95, true)],
    ['6以下', bound('<=', 6)],
    ['30以上', bound('>=', 30)],
    ['90%及以上', bound('>=', 90, true)],
    ['5及以下', bound('<=', 5)],
    ['不低于90', bound('>=', 90)],
    ['不少于 90%', bound('>=', 90, true)],
    ['不高于28', bound('<=', 28)],
    ['不超过 10', bound('<=', 10)],
    ['低于7', bound('<', 7)],
    ['小于7', bound('<', 7)],
    ['高于95', bound('>', 95)],
    ['大于95', bound('>', 95)],
    ['超过95', bound('>', 95)],
    ['控制在8‰以内', { kind: 'bound', op: '<=', value: 8, percent: false, unit: '‰' }],
    ['控制在 6 以下', bound('<=', 6)],
    ['控制在8.5/10万以下', { kind: 'bound', op: '<=', value: 8.5, percent: false, unit: '/10万' }],
    ['控制在28%', bound('<=', 28, true)],
    ['达到90%以上', bound('>=', 90, true)],
    ['达到90%', bound('>=', 90, true)],
    ['力争达到95%', bound('>=', 95, true)],
    ['降至 5', bound('<=', 5)],
    ['提高到79.3', bound('>=', 79.3)],
    ['≥ 4.5人', { kind: 'bound', op: '>=', value: 4.5, percent: false, unit: '人' }],
    ['≥1,000', bound('>=', 1000)],
    ['100', exact(100)],
    ['100%', exact(100, true)],
    ['１００％', exact(100, true)],
    ['0', exact(0)],
    ['1.8', exact(1.8)],
    ['保持100%', exact(100, true)],
    ['80岁', { kind: 'exact', value: 80, percent: false, unit: '岁' }],
    ['80左右', approx(80, 1)],
    ['约80', approx(80, 1)],
    ['约为 80%', approx(80, 1, true)],
    ['8.5 左右', approx(8.5, 0.1)],
    ['4.50左右', approx(4.5, 0.01)],
    ['控制在24%左右', approx(24, 1, true)],
    ['103-107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['103～107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['103—107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['103~107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['103 至 107', { kind: 'range', min: 103, max: 107, percent: false }],
    ['85%-90%', { kind: 'range', min: 85, max: 90, percent: true }],
    ['107-103', { kind: 'range', min: 103, max: 107, percent: false }],
    ['1:1.20', { kind: 'ratio', left: 1, right: 1.2 }],
    ['1：1', { kind: 'ratio', left: 1, right: 1 }],
    ['1∶1.2', { kind: 'ratio', left: 1, right: 1.2 }],
    ['1.34：1', { kind: 'ratio', left: 1.34, right: 1 }],
    [
      '在2020年基础上增长50%',
      { kind: 'relative', baseYear: 2020, baseValue: null, direction: 'increase', percent: 50 },
    ],
    [
      '比2015年(12.93)降低10%',
      { kind: 'relative', baseYear: 2015, baseValue: 12.93, direction: 'decrease', percent: 10 },
    ],
    [
      '比2015年（12.93%）降低10%',
      { kind: 'relative', baseYear: 2015, baseValue: 12.93, direction: 'decrease', percent: 10 },
    ],
    [
      '与2020年相比下降10%',
      { kind: 'relative', baseYear: 2020, baseValue: null, direction: 'decrease', percent: 10 },
    ],
    [
      '较2015年下降10.37%',
      { kind: 'relative', baseYear: 2015, baseValue: null, direction: 'decrease', percent: 10.37 },
    ],
    ['下降10%', { kind: 'relative', baseYear: null, baseValue: null, direction: 'decrease', percent: 10 }],
    ['增长50%', { kind: 'relative', baseYear: null, baseValue: null, direction: 'increase', percent: 50 }],
    ['提高5个百分点', { kind: 'points', baseYear: null, baseValue: null, direction: 'increase', points: 5 }],
    [
      '较2020年下降 2 个百分点',
      { kind: 'points', baseYear: 2020, baseValue: null, direction: 'decrease', points: 2 },
    ],
    ['达到全省平均水平', { kind: 'benchmark', benchmark: '全省平均水平', op: '>=' }],
    ['高于全省平均水平', { kind: 'benchmark', benchmark: '全省平均水平', op: '>' }],
    ['不低于全市平均水平', { kind: 'benchmark', benchmark: '全市平均水平', op: '>=' }],
    ['低于全国平均水平', { kind: 'benchmark', benchmark: '全国平均水平', op: '<' }],
    ['同比例提高', { kind: 'proportional', direction: 'increase' }],
    ['同比例下降', { kind: 'proportional', direction: 'decrease' }],
    ['——', { kind: 'notSet' }],
    ['—', { kind: 'notSet' }],
    ['-', { kind: 'notSet' }],
    ['--', { kind: 'notSet' }],
    ['－', { kind: 'notSet' }],
    ['/', { kind: 'notSet' }],
    ['', { kind: 'notSet' }],
    ['无', { kind: 'notSet' }],
    ['待定', { kind: 'notSet' }],
    ['持续提高', { kind: 'qualitative', direction: 'increase' }],
    ['稳步提升', { kind: 'qualitative', direction: 'increase' }],
    ['逐步提高', { kind: 'qualitative', direction: 'increase' }],
    ['持续下降', { kind: 'qualitative', direction: 'decrease' }],
    ['基本实现全覆盖', { kind: 'qualitative' }],
    ['完成省下达任务', { kind: 'qualitative' }],
    // Conflicting or unreadable statements stay as printed.
    ['<6以下', { kind: 'qualitative' }],
    ['≥80左右', { kind: 'qualitative' }],
    ['优于全国平均水平', { kind: 'qualitative' }],
    ['0:1', { kind: 'qualitative' }],
  ])('%j', (text, expected) => {
    expect(parseTarget(text)).toEqual({ text: text.trim(), ...expected });
  });

  it('keeps the text as printed, trimmed', () => {
    expect(parseTarget('\t≥ 36 \n').text).toBe('≥ 36');
    expect(parseTarget(' 达到全省\n平均水平 ').text).toBe('达到全省\n平均水平');
  });
});

describe('meetsTarget', () => {
  const at = (text: string, value: number, ctx?: Parameters<typeof meetsTarget>[2]) =>
    meetsTarget(parseTarget(text), value, ctx);

  it('compares bounds, including the number for ≤ ≥ 以上 以下 and excluding it for < > 低于', () => {
    expect([at('≤ 6', 6), at('≤ 6', 6.01), at('<7', 7), at('<7', 6.99)]).toEqual([true, false, false, true]);
    expect([at('≥95%', 95), at('>95', 95), at('>95', 95.1), at('30以上', 30), at('低于7', 7)]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(at('控制在8‰以内', 8)).toBe(true);
  });

  it('needs equality for exact targets unless told which way is better', () => {
    expect([at('100%', 100), at('100%', 99.9), at('83.5', 84)]).toEqual([true, false, false]);
    expect([at('83.5', 84, { better: 'higher' }), at('83.5', 83, { better: 'higher' })]).toEqual([
      true,
      false,
    ]);
    expect([at('7.7', 7.5, { better: 'lower' }), at('7.7', 7.8, { better: 'lower' })]).toEqual([true, false]);
  });

  it('allows ±1 in the last printed digit for 左右', () => {
    // 80左右 → 79–81
    expect([at('80左右', 79), at('80左右', 81), at('80左右', 78.9), at('80左右', 81.1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // 8.5左右 → 8.4–8.6
    expect([at('8.5左右', 8.4), at('8.5左右', 8.6), at('8.5左右', 8.35), at('8.5左右', 8.7)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // One-sided when the indicator's polarity is known: 个人卫生支出占比 24左右 is met by 20.
    expect([at('24左右', 20, { better: 'lower' }), at('24左右', 25.5, { better: 'lower' })]).toEqual([
      true,
      false,
    ]);
    expect(at('80左右', 85, { better: 'higher' })).toBe(true);
  });

  it('checks ranges inclusively', () => {
    expect([at('103-107', 103), at('103-107', 107), at('103-107', 102.9), at('103-107', 108)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads a ratio as a minimum of right per one left', () => {
    // 医护比 1:1.20: at least 1.2 nurses per physician.
    expect([at('1:1.20', 1.2), at('1:1.20', 1.35), at('1:1.20', 1.19)]).toEqual([true, true, false]);
    // 1.34：1 is 1/1.34 ≈ 0.746 per one left.
    expect([at('1.34：1', 0.75), at('1.34：1', 0.74)]).toEqual([true, false]);
    expect(at('1:1.20', 1.1, { better: 'lower' })).toBe(true);
  });

  it('applies a relative change to the base value', () => {
    const plus50 = parseTarget('在2020年基础上增长50%');
    // base 2.0 × 1.5 = 3.0
    expect(meetsTarget(plus50, 3.0, { baseValue: 2.0 })).toBe(true);
    expect(meetsTarget(plus50, 2.9, { baseValue: 2.0 })).toBe(false);
    expect(meetsTarget(plus50, 3.0)).toBeNull();
    expect(meetsTarget(plus50, 3.0, { baseValue: null })).toBeNull();
  });

  it('uses the printed base value when none is given', () => {
    const minus10 = parseTarget('比2015年（12.93）降低10%');
    // 12.93 × 0.9 = 11.637; 通州 reached 8.94 in 2020.
    expect([meetsTarget(minus10, 11.637), meetsTarget(minus10, 11.64), meetsTarget(minus10, 8.94)]).toEqual([
      true,
      false,
      true,
    ]);
    // A given base value wins: 10 × 0.9 = 9.
    expect([
      meetsTarget(minus10, 9, { baseValue: 10 }),
      meetsTarget(minus10, 9.5, { baseValue: 10 }),
    ]).toEqual([true, false]);
    // 减少15% from 21.86: 18.581
    expect([at('减少15%', 18.58, { baseValue: 21.86 }), at('减少15%', 18.6, { baseValue: 21.86 })]).toEqual([
      true,
      false,
    ]);
  });

  it('adds percentage points to the base value', () => {
    // 72 + 5 = 77
    expect([
      at('提高5个百分点', 77, { baseValue: 72 }),
      at('提高5个百分点', 76.9, { baseValue: 72 }),
    ]).toEqual([true, false]);
    expect(at('提高5个百分点', 77)).toBeNull();
  });

  it('compares with the benchmark value when given', () => {
    expect(at('达到全省平均水平', 70.2, { benchmarkValue: 70.2 })).toBe(true);
    expect(at('高于全省平均水平', 70.2, { benchmarkValue: 70.2 })).toBe(false);
    expect(at('达到全省平均水平', 70.2)).toBeNull();
  });

  it('cannot assess qualitative, proportional and not-set targets, or a non-finite value', () => {
    expect([at('同比例提高', 80), at('持续提高', 80), at('——', 80), at('≤ 6', Number.NaN)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('describeTarget', () => {
  it.each<[string, string, string]>([
    ['≤ 6', '≤ 6', '≤ 6'],
    ['≥95%', '≥ 95%', '≥ 95%'],
    ['控制在8‰以内', '≤ 8‰', '≤ 8‰'],
    ['二级以上综合医院住院患者≤40', '≤ 40 (二级以上综合医院住院患者)', '二级以上综合医院住院患者 ≤ 40'],
    ['100%', '= 100%', '= 100%'],
    ['80左右', '80 ± 1', '80 ± 1'],
    ['29%左右', '29 ± 1%', '29 ± 1%'],
    ['103-107', '103–107', '103–107'],
    ['1:1.20', 'ratio 1 : 1.2', '比例 1 : 1.2'],
    ['在2020年基础上增长50%', 'increase 50% over 2020', '较2020年提高50%'],
    ['比2015年（12.93）降低10%', 'decrease 10% from 2015 (12.93)', '较2015年（12.93）降低10%'],
    ['减少15%', 'decrease 15% from the base year', '较基期降低15%'],
    ['提高5个百分点', 'increase 5 percentage points over the base year', '较基期提高5个百分点'],
    ['达到全省平均水平', '≥ provincial average', '≥ 全省平均水平'],
    ['同比例提高', 'increase in the same proportion', '同比例提高'],
    ['——', 'not set', '未设定'],
    ['持续提高', 'qualitative, increasing: 持续提高', '定性（提高）：持续提高'],
    ['完成省下达任务', 'qualitative: 完成省下达任务', '定性：完成省下达任务'],
  ])('%j', (text, en, zh) => {
    const target = parseTarget(text);
    expect(describeTarget(target, 'en')).toBe(en);
    expect(describeTarget(target, 'zh')).toBe(zh);
  });
});
