/*
 * Region codes are GB/T 2260 + statistical codes (统计用区划代码): county = 6 digits + 000000, town = 9
 * digits + 000, village = 12 digits. A fact attributed to a village also counts for its town and county;
 * one attributed to a town for its county; these fragments spell that out without joins.
 */

/** LATERAL list of the regions a code counts for, as (region_code): itself and its ancestors. */
export function ancestorsOf(code: string): string {
  return `(VALUES (left(${code}, 6) || '000000'),
      (CASE WHEN right(${code}, 6) <> '000000' THEN left(${code}, 9) || '000' END),
      (CASE WHEN right(${code}, 3) <> '000' THEN ${code} END))`;
}

/** The level of a region code. */
export function levelOf(code: string): string {
  return `CASE WHEN right(${code}, 6) = '000000' THEN 'county' WHEN right(${code}, 3) = '000' THEN 'town' ELSE 'village' END`;
}
