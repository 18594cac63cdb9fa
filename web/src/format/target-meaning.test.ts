import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { translate, type Messages } from '../i18n/translate';
import { zhCN } from '../i18n/zh-cn';
import type { Target } from '../api/types';
import { targetMeaning } from './target-meaning';

const read = (target: Target, unit: string | null, messages: Messages = zhCN) =>
  targetMeaning(target, unit, 2020)
    .map((m) => translate(messages, m.key, m.params))
    .join(' / ');

describe('targetMeaning', () => {
  it('reads bounds with their unit and scope', () => {
    expect(read({ text: '≤6‰', kind: 'bound', op: '<=', value: 6, percent: false, unit: '‰' }, '‰')).toBe(
      '不高于 6‰',
    );
    expect(read({ text: '>95%', kind: 'bound', op: '>', value: 95, percent: true }, '%', en)).toBe(
      'above 95%',
    );
    expect(
      read(
        {
          text: '二级以上综合医院住院患者≤40',
          kind: 'bound',
          op: '<=',
          value: 40,
          percent: false,
          scope: '二级以上综合医院住院患者',
        },
        '%',
      ),
    ).toBe('不高于 40% / 适用范围：二级以上综合医院住院患者');
  });

  it('reads exact values in the row unit when the cell prints none', () => {
    expect(read({ text: '81.37', kind: 'exact', value: 81.37, percent: false }, '岁')).toBe('达到 81.37岁');
  });

  it('writes a per-100 000 rate after its value, not as 181/10万', () => {
    expect(read({ text: '≤18', kind: 'bound', op: '<=', value: 18, percent: false }, '1/10万')).toBe(
      '不高于 18/10万',
    );
    expect(read({ text: '0', kind: 'exact', value: 0, percent: false }, '1/10万')).toBe('达到 0/10万');
  });

  it('spells out the tolerance of an approximate target without float noise', () => {
    expect(
      read({ text: '80左右', kind: 'approx', value: 80, tolerance: 0.1, percent: false }, '岁', en),
    ).toBe('about 80岁 (79.9–80.1岁)');
  });

  it('reads ranges and ratios', () => {
    expect(read({ text: '103-107', kind: 'range', min: 103, max: 107, percent: false }, null)).toBe(
      '103–107 之间',
    );
    expect(read({ text: '1:1.20', kind: 'ratio', left: 1, right: 1.2 }, null, en)).toBe('ratio 1 : 1.2');
  });

  it('puts the baseline year in for a relative target naming none, and keeps a printed base value', () => {
    expect(
      read(
        {
          text: '减少15%',
          kind: 'relative',
          baseYear: null,
          baseValue: null,
          direction: 'decrease',
          percent: 15,
        },
        '%',
      ),
    ).toBe('比 2020 年降低 15%');
    expect(
      read(
        {
          text: '比2015年（12.93）降低10%',
          kind: 'relative',
          baseYear: 2015,
          baseValue: 12.93,
          direction: 'decrease',
          percent: 10,
        },
        '%',
        en,
      ),
    ).toBe('10% below 2015 / base 12.93');
    expect(
      read(
        {
          text: '提高5个百分点',
          kind: 'points',
          baseYear: null,
          baseValue: null,
          direction: 'increase',
          points: 5,
        },
        '%',
      ),
    ).toBe('比 2020 年提高 5 个百分点');
  });

  it('reads benchmarks, proportional, unset and qualitative targets', () => {
    expect(
      read({ text: '达到全省平均水平', kind: 'benchmark', benchmark: '全省平均水平', op: '>=' }, null),
    ).toBe('不低于 全省平均水平');
    expect(read({ text: '同比例提高', kind: 'proportional', direction: 'increase' }, null, en)).toBe(
      'rise in proportion',
    );
    expect(read({ text: '——', kind: 'notSet' }, null)).toBe('未设定目标值');
    expect(read({ text: '持续提高', kind: 'qualitative', direction: 'increase' }, null)).toBe(
      '定性目标：持续提高',
    );
    expect(read({ text: '逐步完善', kind: 'qualitative' }, null, en)).toBe('qualitative target');
  });
});
