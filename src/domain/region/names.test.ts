import { describe, expect, it } from 'vitest';
import { countyAliases, shortName } from './names.js';

describe('division names', () => {
  it('drops the administrative suffix', () => {
    expect(shortName('南通市')).toBe('南通');
    expect(shortName('江苏省')).toBe('江苏');
    expect(shortName('内蒙古自治区')).toBe('内蒙古');
    expect(shortName('广西壮族自治区')).toBe('广西');
    expect(shortName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortName('延边朝鲜族自治州')).toBe('延边');
    // Too short once stripped: keep the name.
    expect(shortName('沙市')).toBe('沙市');
  });

  it('knows the short forms of development zones', () => {
    expect(countyAliases('包头稀土高新技术产业开发区', '包头市')).toEqual([
      '包头稀土高新技术产业开发区',
      '包头稀土高新区',
      '稀土高新技术产业开发区',
      '稀土高新区',
    ]);
    expect(countyAliases('泗阳县', '宿迁市')).toEqual(['泗阳县']);
  });
});
