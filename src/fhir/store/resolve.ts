import type { ResidentRef, SourceKey } from '../records.js';
import type { Sql } from './sql.js';

/*
 * Natural keys → row ids, one set-based query per kind of reference and batch. A reference that does not
 * resolve becomes a reject of the record that holds it (never a null written in its place).
 */

export const residentKey = (ref: ResidentRef): string =>
  'rid' in ref ? `rid\u001f${ref.rid}` : `${ref.system}\u001f${ref.value}`;
export const sourceKeyText = (key: SourceKey): string => `${key.system}\u001f${key.id}`;

export interface ResolvedResident {
  id: number;
  birthDate: string | null;
  countyCode: string | null;
}

/** Residents by ID number or identifier; a merged duplicate resolves to the surviving row. */
export async function resolveResidents(
  sql: Sql,
  county: string,
  refs: ResidentRef[],
): Promise<Map<string, ResolvedResident>> {
  const rids = [...new Set(refs.flatMap((r) => ('rid' in r ? [r.rid] : [])))];
  const others = [
    ...new Map(refs.flatMap((r) => ('rid' in r ? [] : [[residentKey(r), r] as const]))).values(),
  ];
  const found = new Map<string, ResolvedResident>();
  const read = (row: {
    key: string;
    id: string | number;
    birth_date: string | null;
    residence_county_code: string | null;
  }) =>
    found.set(row.key, {
      id: Number(row.id),
      birthDate: row.birth_date,
      countyCode: row.residence_county_code,
    });
  const survivor = `join residents r on r.county_code = $1 and r.id = coalesce(m.merged_into_id, m.id)`;
  const columns = `r.id, r.birth_date::text as birth_date, r.residence_county_code`;
  if (rids.length) {
    const rows = await sql.query<Parameters<typeof read>[0]>(
      `select 'rid' || chr(31) || m.resident_id_number as key, ${columns} from residents m ${survivor}
       where m.county_code = $1 and m.resident_id_number = any($2::text[])`,
      [county, rids],
    );
    rows.forEach(read);
  }
  if (others.length) {
    const rows = await sql.query<Parameters<typeof read>[0]>(
      `select i.system || chr(31) || i.value as key, ${columns}
       from unnest($2::text[], $3::text[]) as k(system, value)
       join resident_identifiers i on i.county_code = $1 and i.system = k.system and i.value = k.value
       join residents m on m.county_code = $1 and m.id = i.resident_id ${survivor}`,
      [
        county,
        others.map((r) => ('rid' in r ? '' : r.system)),
        others.map((r) => ('rid' in r ? '' : r.value)),
      ],
    );
    rows.forEach(read);
  }
  return found;
}

export async function resolveFacilities(
  sql: Sql,
  county: string,
  codes: string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await sql.query<{ code: string; id: string | number }>(
    'select code, id from facilities where county_code = $1 and code = any($2::text[])',
    [county, unique],
  );
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

export async function resolveRegions(sql: Sql, county: string, codes: string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Set();
  const rows = await sql.query<{ code: string }>(
    'select code from regions where county_code = $1 and code = any($2::text[])',
    [county, unique],
  );
  return new Set(rows.map((r) => r.code));
}

/** Rows of a source-keyed table (staff, registrations, contracts …) by (source_system, source_id). */
export async function resolveSource(
  sql: Sql,
  county: string,
  table: string,
  keys: SourceKey[],
): Promise<Map<string, number>> {
  const unique = [...new Map(keys.map((k) => [sourceKeyText(k), k])).values()];
  if (!unique.length) return new Map();
  const rows = await sql.query<{ system: string; source: string; id: string | number }>(
    `select t.source_system as system, t.source_id as source, t.id from unnest($2::text[], $3::text[]) as k(system, id)
     join ${table} t on t.county_code = $1 and t.source_system = k.system and t.source_id = k.id`,
    [county, unique.map((k) => k.system), unique.map((k) => k.id)],
  );
  return new Map(rows.map((r) => [sourceKeyText({ system: r.system, id: r.source }), Number(r.id)]));
}
