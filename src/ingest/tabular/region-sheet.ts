import { parseRegionCode } from '../../domain/region/code.js';
import { regionLevels } from './labels.js';
import type { SheetKind } from './sheet-kind.js';

export type RegionLevel = 'county' | 'town' | 'village';

export interface RegionRecord {
  /** 12 digits. */
  code: string;
  name: string;
  level: RegionLevel;
  /** Derived from the code: a village's town, a town's county row; null for the county. */
  parentCode: string | null;
  urbanRuralCode: string | null;
}

/** The parent of a 12-digit county, town or village code, as the regions table links them. */
export function parentRegionCode(code: string): string | null {
  const level = parseRegionCode(code)?.level;
  if (level === 'village') return `${code.slice(0, 9)}000`;
  if (level === 'town') return `${code.slice(0, 6)}000000`;
  return null;
}

/** 地区: the county, its towns and villages. Level and parent follow from the code. */
export const regionSheet: SheetKind<RegionRecord> = {
  id: 'regions',
  sheetName: '地区',
  names: ['地区', '区划', 'regions'],
  description: '本县（区）及所辖乡镇（街道）、村（社区），每行一个地区',
  columns: [
    {
      key: 'code',
      header: '地区代码',
      aliases: ['区划代码', '统计用区划代码', 'region code'],
      required: true,
      width: 16,
      format: 'text',
      note: '12位统计用区划代码；县可写6位、乡镇可写9位',
    },
    {
      key: 'name',
      header: '地区名称',
      aliases: ['名称', 'region name'],
      required: true,
      width: 24,
      note: '',
    },
    {
      key: 'level',
      header: '层级',
      aliases: ['级别', 'level'],
      width: 12,
      note: `可空，由代码推出；填写时须与代码一致：${regionLevels.labels.join('、')}`,
    },
    {
      key: 'urbanRuralCode',
      header: '城乡分类代码',
      aliases: ['urban rural code'],
      width: 14,
      format: 'text',
      note: '村（社区）的城乡分类代码，3位，如111主城区、220村庄；可空',
    },
  ],
  keyColumns: ['code'],
  read(f) {
    const code = f.regionCode('code');
    const level = (parseRegionCode(code)?.level ?? 'county') as RegionLevel;
    const written = f.optionalChoice('level', regionLevels);
    if (written && code && written !== level) {
      f.fail(
        'level',
        'tabular.level-mismatch',
        `层级与代码不符 the code is of a ${level}: "${regionLevels.label(written)}"`,
      );
    }
    const urbanRuralCode = f.optionalCode('urbanRuralCode');
    if (urbanRuralCode !== null && !/^[12]\d\d$/.test(urbanRuralCode)) {
      f.fail(
        'urbanRuralCode',
        'tabular.invalid-value',
        `城乡分类代码应为3位 not a 3-digit code: "${urbanRuralCode}"`,
      );
    }
    return { code, name: f.text('name'), level, parentCode: parentRegionCode(code), urbanRuralCode };
  },
  key: (r) => r.code,
  write: (r) => [r.code, r.name, regionLevels.label(r.level), r.urbanRuralCode],
};
