import { describe, expect, it } from 'vitest';
import {
  getRegion,
  listChildren,
  listCounties,
  resolveRegion,
  resolveRegionCandidates,
} from './divisions.js';

describe('resolveRegion on the seed plans', () => {
  it('finds 南通市通州区 from the issuer line', () => {
    const text =
      '《通州区“十四五”卫生健康事业发展规划》已经区人民政府同意，现印发给你们。南通市通州区人民政府办公室';
    expect(resolveRegion(text)).toEqual({ code: '320612', name: '通州区', fullName: '江苏省南通市通州区' });
  });

  it('finds 泗阳县, 江阴市 and 蓟州区 by their own names', () => {
    expect(resolveRegion('泗阳县人民政府办公室')?.code).toBe('321323');
    expect(
      resolveRegion('市政府办公室关于印发《江阴市“十四五”卫生健康事业发展规划（2021—2025年）》的通知'),
    ).toEqual({
      code: '320281',
      name: '江阴市',
      fullName: '江苏省无锡市江阴市',
    });
    expect(resolveRegion('蓟州区卫生健康事业发展“十四五”规划')).toEqual({
      code: '120119',
      name: '蓟州区',
      fullName: '天津市蓟州区',
    });
  });

  it('reads 高新区 as 高新技术产业开发区', () => {
    expect(resolveRegion('包头稀土高新区“十四五”期间卫生健康事业发展指标')).toEqual({
      code: '150271',
      name: '包头稀土高新技术产业开发区',
      fullName: '内蒙古自治区包头市包头稀土高新技术产业开发区',
    });
    expect(resolveRegion('包头稀土高新技术产业开发区')?.code).toBe('150271');
  });

  it('leaves 通州区 alone unresolved and settles it by the city or province named', () => {
    expect(resolveRegion('通州区')).toBeNull();
    expect(
      resolveRegionCandidates('通州区')
        .map((c) => c.region.code)
        .sort(),
    ).toEqual(['110112', '320612']);
    expect(resolveRegion('南通市通州区')?.code).toBe('320612');
    expect(resolveRegion('江苏省通州区')?.code).toBe('320612');
    expect(resolveRegion('北京市通州区')?.code).toBe('110112');
  });

  it('answers null when no county is named', () => {
    expect(resolveRegion('关于印发卫生健康事业发展规划的通知')).toBeNull();
    expect(resolveRegion('')).toBeNull();
    // 城区 (a county of 阳泉市 and others) inside an ordinary word is not a mention.
    expect(resolveRegion('合理规划城区预防接种门诊布局')).toBeNull();
  });
});

describe('getRegion and listChildren', () => {
  it('gets a county, a city, a province and a town', () => {
    expect(getRegion('320612')).toMatchObject({ name: '通州区', level: 'county', parentCode: '320600' });
    expect(getRegion('320600')).toMatchObject({ name: '南通市', level: 'city', parentCode: '320000' });
    expect(getRegion('320000')).toMatchObject({ name: '江苏省', level: 'province', parentCode: null });
    expect(getRegion('320612101')).toMatchObject({ code: '320612101000', name: '西亭镇', level: 'town' });
    expect(getRegion('320612101000')?.fullName).toBe('江苏省南通市通州区西亭镇');
    expect(getRegion('999999')).toBeNull();
    expect(getRegion('320699')).toBeNull();
  });

  it('lists the towns of a county', () => {
    const towns = listChildren('320612');
    expect(towns.length).toBeGreaterThan(10);
    expect(towns.map((t) => t.name)).toContain('金沙街道');
    expect(
      towns.every((t) => t.level === 'town' && t.code.startsWith('320612') && t.code.length === 12),
    ).toBe(true);
    expect(listChildren('150271').map((t) => t.name)).toContain('稀土路街道');
    expect(listChildren('120119').length).toBeGreaterThan(20);
  });

  it('lists the counties of a city and the cities of a province', () => {
    expect(listChildren('320600').map((c) => c.code)).toContain('320612');
    expect(listChildren('320000').map((c) => c.code)).toContain('320600');
    expect(listChildren('nope')).toEqual([]);
  });

  it('includes every county-level unit of the seed plans', () => {
    const codes = new Set(listCounties().map((c) => c.code));
    for (const code of ['320612', '321323', '320281', '120119', '150271'])
      expect(codes.has(code), code).toBe(true);
    expect(codes.size).toBeGreaterThan(2800);
  });

  it('lists the villages of a town (read on demand)', () => {
    const villages = listChildren('320612101000');
    expect(villages.length).toBeGreaterThan(5);
    expect(villages.every((v) => v.level === 'village' && v.code.startsWith('320612101'))).toBe(true);
    expect(getRegion(villages[0]!.code)?.fullName).toMatch(/^江苏省南通市通州区西亭镇/);
  });
});
