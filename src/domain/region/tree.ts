/**
 * The county → town → village tree of the stored regions, cut to a data scope. Pure: the rows come from the
 * store, the scope from the caller. A region partly in scope (the county of a town-scoped user) is kept so
 * that the tree still has its root, marked `covered: false`; what lies outside the scope is left out.
 */
import { isWithin } from './code.js';

export interface RegionRow {
  countyCode: string;
  code: string;
  parentCode: string | null;
  level: 'county' | 'town' | 'village';
  name: string;
}

export interface VillageNode {
  code: string;
  name: string;
}

export interface TownNode {
  code: string;
  name: string;
  /** The whole town is in scope (false: only some of its villages). */
  covered: boolean;
  villages: VillageNode[];
}

export interface CountyNode {
  /** 6-digit GB/T 2260 code. */
  countyCode: string;
  /** 12-digit statistical code. */
  code: string;
  name: string;
  covered: boolean;
  towns: TownNode[];
}

/**
 * Builds the tree of the rows seen through `scope` (a 2- to 12-digit region code; null: every region), in code
 * order. Rows whose parent is not among the rows (a town without its county row) are left out rather than
 * guessed at.
 */
export function regionTree(rows: readonly RegionRow[], scope: string | null): CountyNode[] {
  const covers = (code: string) => scope === null || isWithin(code, scope);
  const overlaps = (code: string) => covers(code) || isWithin(scope!, code);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const children = new Map<string, RegionRow[]>();
  for (const row of rows) {
    if (row.parentCode === null) continue;
    const key = `${row.countyCode}:${row.parentCode}`;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const below = (row: RegionRow) => (children.get(`${row.countyCode}:${row.code}`) ?? []).sort(byCode);
  return rows
    .filter((r) => r.level === 'county' && overlaps(r.code))
    .sort(byCode)
    .map((county) => ({
      countyCode: county.countyCode,
      code: county.code,
      name: county.name,
      covered: covers(county.code),
      towns: below(county)
        .filter((town) => town.level === 'town' && overlaps(town.code))
        .map((town) => ({
          code: town.code,
          name: town.name,
          covered: covers(town.code),
          villages: below(town)
            .filter((village) => village.level === 'village' && covers(village.code))
            .map(({ code, name }) => ({ code, name })),
        })),
    }));
}
