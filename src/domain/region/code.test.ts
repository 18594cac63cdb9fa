import { describe, expect, it } from 'vitest';
import {
  codePrefix,
  isRegionCode,
  isStatCode,
  isWithin,
  parseRegionCode,
  regionLevel,
  toRegionCode,
  toStatCode,
} from './code.js';

describe('region codes', () => {
  it('validates 6-digit GB/T 2260 codes', () => {
    for (const code of ['320612', '321323', '320281', '120119', '150271', '320000', '320600']) {
      expect(isRegionCode(code), code).toBe(true);
    }
    for (const code of ['32061', '3206120', '00000a', '990101', '100000', '320012', '']) {
      expect(isRegionCode(code), code).toBe(false);
    }
  });

  it('validates 12-digit statistical codes', () => {
    expect(isStatCode('320612001000')).toBe(true);
    expect(isStatCode('110101001001')).toBe(true);
    expect(isStatCode('320612000001')).toBe(false);
    expect(isStatCode('320612001')).toBe(false);
    expect(isStatCode('990612001000')).toBe(false);
  });

  it('splits a code into its parts', () => {
    expect(parseRegionCode('320612')).toEqual({
      level: 'county',
      province: '32',
      city: '06',
      county: '12',
      town: null,
      village: null,
    });
    expect(parseRegionCode('110101001001')).toMatchObject({ level: 'village', town: '001', village: '001' });
    expect(regionLevel('320000')).toBe('province');
    expect(regionLevel('320600')).toBe('city');
    expect(regionLevel('320612101')).toBe('town');
    expect(regionLevel('320612101000')).toBe('town');
    expect(regionLevel('12345')).toBeNull();
  });

  it('converts between forms', () => {
    expect(codePrefix('320600')).toBe('3206');
    expect(codePrefix('320612101000')).toBe('320612101');
    expect(toRegionCode('320612101000')).toBe('320612');
    expect(toStatCode('320612101')).toBe('320612101000');
    expect(toStatCode('bad')).toBeNull();
  });

  it('knows what lies within what', () => {
    expect(isWithin('320612', '320600')).toBe(true);
    expect(isWithin('320612', '320000')).toBe(true);
    expect(isWithin('320612101000', '320612')).toBe(true);
    expect(isWithin('320612101', '320612')).toBe(true);
    expect(isWithin('320612', '320612')).toBe(true);
    expect(isWithin('320600', '320612')).toBe(false);
    // 北京市通州区 is not in 南通市.
    expect(isWithin('110112', '320600')).toBe(false);
    expect(isWithin('bad', '320000')).toBe(false);
  });
});
