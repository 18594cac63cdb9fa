import { describe, expect, it } from 'vitest';
import { CATALOG, DOMAINS, getIndicator, listIndicators } from './catalog.js';
import { matchIndicator, normalizeIndicatorName, normalizeUnit } from './match.js';
import { BAOTOU, JIANGYIN, JIZHOU, SIYANG, TONGZHOU_TABLE1, TONGZHOU_TABLE2 } from './seed-rows.test-data.js';

const PLANS = {
  '000 通州区 表1': TONGZHOU_TABLE1,
  '000 通州区 表2': TONGZHOU_TABLE2,
  '001 泗阳县': SIYANG,
  '002 江阴市': JIANGYIN,
  '003 蓟州区': JIZHOU,
  '004 包头稀土高新区': BAOTOU,
};

describe('matchIndicator on every row of the five seed plans', () => {
  it('has the row counts of the seed tables', () => {
    expect(Object.values(PLANS).map((rows) => rows.length)).toEqual([20, 27, 24, 31, 20, 49]);
  });

  for (const [plan, rows] of Object.entries(PLANS)) {
    it.each(rows)(`${plan}: %s → %s`, (name, unit, id) => {
      expect(matchIndicator(name, unit)).toEqual({ id });
    });
  }
});

describe('normalizeIndicatorName', () => {
  it('strips marks, 其中, units in brackets and whitespace', () => {
    expect(normalizeIndicatorName('#人均期望寿命')).toBe('人均期望寿命');
    expect(normalizeIndicatorName('*婴儿死亡率（‰）')).toBe('婴儿死亡率');
    expect(normalizeIndicatorName('其中：每千人口中医类别执业（助理）医师数')).toBe(
      '每千人口中医类别执业(助理)医师数',
    );
    expect(normalizeIndicatorName(' 孕产妇死亡率（/10 万） ')).toBe('孕产妇死亡率');
    expect(normalizeIndicatorName('居民健康素养水平(%)')).toBe('居民健康素养水平');
    expect(normalizeIndicatorName('婴儿死亡率（注1）')).toBe('婴儿死亡率');
  });

  it('keeps brackets that are part of the name', () => {
    expect(normalizeIndicatorName('每千人口药师（士）数')).toBe('每千人口药师(士)数');
  });

  it('fixes 毎, 每千常住人口, 每千人 and dash variants', () => {
    expect(normalizeIndicatorName('毎千人口床位数')).toBe('每千人口床位数');
    expect(normalizeIndicatorName('每千常住人口注册护士数')).toBe('每千人口注册护士数');
    expect(normalizeIndicatorName('每万常住人口全科医生数')).toBe('每万人口全科医生数');
    expect(normalizeIndicatorName('每千人3岁以下婴幼儿托位数')).toBe('每千人口3岁以下婴幼儿托位数');
    expect(normalizeIndicatorName('0～6岁儿童健康管理率')).toBe(
      normalizeIndicatorName('0-6岁儿童健康管理率'),
    );
  });

  it('unifies full-width and half-width forms', () => {
    expect(normalizeIndicatorName('居民健康素养水平（％）')).toBe(
      normalizeIndicatorName('居民健康素养水平(%)'),
    );
    expect(normalizeUnit('1/10万')).toBe(normalizeUnit('/10 万'));
    expect(normalizeUnit('％')).toBe('%');
  });
});

describe('matchIndicator', () => {
  it('treats the three names of life expectancy as one', () => {
    for (const name of ['人均预期寿命', '人均期望寿命', '人口平均期望寿命']) {
      expect(matchIndicator(name, '岁')).toEqual({ id: 'life-expectancy' });
    }
  });

  it('explains why a name does not map', () => {
    const result = matchIndicator('每千人口救护车数', '辆');
    expect(result.id).toBeNull();
    expect('reason' in result && result.reason).toContain('每千人口救护车数');
    expect(matchIndicator('  ')).toEqual({ id: null, reason: 'empty indicator name' });
  });

  it('rejects a unit of another scale', () => {
    const result = matchIndicator('婴儿死亡率', '%');
    expect(result.id).toBeNull();
    expect('reason' in result && result.reason).toContain('infant-mortality-rate');
    expect(matchIndicator('艾滋病全人群感染率', '%')).toEqual({ id: 'hiv-prevalence' });
  });

  it('maps a combined row to the pooled entry, which names its components', () => {
    const pooled = getIndicator('hypertension-diabetes-standardized-management-rate');
    expect(pooled?.components).toEqual([
      'hypertension-standardized-management-rate',
      'diabetes-standardized-management-rate',
    ]);
  });
});

describe('catalog integrity', () => {
  it('has unique kebab-case ids', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has no synonym shared by two entries after normalisation', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of CATALOG) {
      for (const key of new Set([entry.nameZh, ...entry.synonyms].map(normalizeIndicatorName))) {
        const other = owner.get(key);
        if (other !== undefined && other !== entry.id) clashes.push(`${key}: ${other} / ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('resolves every name and synonym to its own entry', () => {
    for (const entry of CATALOG) {
      for (const name of [entry.nameZh, ...entry.synonyms]) {
        expect(matchIndicator(name, entry.unit)).toEqual({ id: entry.id });
      }
    }
  });

  it('has valid entries', () => {
    for (const entry of CATALOG) {
      expect(entry.nameZh, entry.id).not.toBe('');
      expect(entry.nameEn, entry.id).not.toBe('');
      expect(entry.synonyms.length, entry.id).toBeGreaterThan(0);
      expect(DOMAINS[entry.domain], entry.id).toBeDefined();
      expect(['higher', 'lower', 'range']).toContain(entry.direction);
      const d = entry.definition;
      expect(d.numerator, entry.id).not.toBe('');
      expect(d.denominator, entry.id).not.toBe('');
      expect(d.multiplier, entry.id).toBeGreaterThan(0);
      expect(['BPHS-3', 'Stats', 'NHP-14', 'HCA', 'WHO', 'product rule']).toContain(d.source);
      // A proxy is only meaningful for something the platform computes.
      if (d.proxy) expect(d.computable, entry.id).toBe(true);
      if (entry.unit === '%') expect(d.multiplier, entry.id).toBe(100);
      if (entry.unit === '‰') expect(d.multiplier, entry.id).toBe(1000);
      if (entry.unit === '1/10万') expect(d.multiplier, entry.id).toBe(100000);
      for (const c of entry.components ?? []) expect(getIndicator(c), `${entry.id} → ${c}`).toBeDefined();
    }
  });

  it('lists the catalog and finds entries by id', () => {
    expect(listIndicators()).toBe(CATALOG);
    expect(getIndicator('doctor-nurse-ratio')?.nameZh).toBe('医护比');
    expect(getIndicator('no-such-indicator')).toBeUndefined();
  });

  it('marks as not computable what indicator-definitions.md lists as entered by hand', () => {
    for (const id of [
      'health-literacy-level',
      'smoking-rate-15plus',
      'healthy-life-expectancy',
      'hiv-prevalence',
    ]) {
      expect(getIndicator(id)?.definition.computable, id).toBe(false);
    }
    for (const id of ['physicians-per-1000', 'premature-ncd-mortality', 'in-county-visit-rate']) {
      expect(getIndicator(id)?.definition.computable, id).toBe(true);
    }
  });
});
