import { describe, expect, it } from 'vitest';
import { WeijianError } from '../../domain/errors.js';
import { readSeed, type SeedName } from '../../testing/seeds.js';
import { readMeta } from './meta.js';

const meta = (name: SeedName) => readMeta(readSeed(name).toString('utf8').split(/\r?\n/));
const term = { start: 2021, end: 2025 };

describe('readMeta on the seed plans', () => {
  it('通州: issuer with its city, dated cover letter', () => {
    expect(meta('tongzhou')).toEqual({
      title: '通州区“十四五”卫生健康事业发展规划',
      regionText: '南通市通州区',
      issuedOn: '2022-11-22',
      period: term,
    });
  });

  it('泗阳: single-digit month', () => {
    expect(meta('siyang')).toEqual({
      title: '泗阳县“十四五”卫生健康发展规划',
      regionText: '泗阳县',
      issuedOn: '2022-09-08',
      period: term,
    });
  });

  it('江阴: title printed over two lines, printed years', () => {
    expect(meta('jiangyin')).toEqual({
      title: '江阴市“十四五”卫生健康事业发展规划（2021—2025年）',
      regionText: '江阴市',
      issuedOn: '2022-05-23',
      period: term,
    });
  });

  it('蓟州: no issuer or date; the city comes from the body text', () => {
    expect(meta('jizhou')).toEqual({
      title: '蓟州区卫生健康事业发展“十四五”规划',
      regionText: '天津市蓟州区',
      issuedOn: null,
      period: term,
    });
  });

  it('包头: no title line; the title is quoted in the preface', () => {
    expect(meta('baotou')).toEqual({
      title: '包头稀土高新区卫生与健康事业发展“十四五”规划',
      regionText: '包头稀土高新区',
      issuedOn: null,
      period: term,
    });
  });
});

describe('readMeta rules', () => {
  it('reads dates in Chinese numerals and other five-year terms', () => {
    expect(
      readMeta(['某县“十三五”卫生计生事业发展规划', '某县人民政府', '二〇一六年十一月二十二日']),
    ).toEqual({
      title: '某县“十三五”卫生计生事业发展规划',
      regionText: '某县',
      issuedOn: '2016-11-22',
      period: { start: 2016, end: 2020 },
    });
  });

  it('throws plan.no-title without a title', () => {
    const read = () => readMeta(['一、规划背景', '“十四五”时期是重要时期。']);
    expect(read).toThrow(WeijianError);
    expect(read).toThrow(expect.objectContaining({ code: 'plan.no-title' }));
  });
});
