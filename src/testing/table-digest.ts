import type { Database } from '../store/db.js';

/** Row ids differ between two databases: each reference column is compared by the natural key it points at. */
const REFERENCES: Record<string, string> = {
  resident_id: `(select coalesce(resident_id_number, name || '|' || birth_date) from residents r where r.county_code = t.county_code and r.id = (t.x))`,
  facility_id: `(select code from facilities f where f.county_code = t.county_code and f.id = (t.x))`,
  staff: `(select source_system || '/' || source_id from staff s where s.county_code = t.county_code and s.id = (t.x))`,
};
const COLUMN_KIND: Record<string, keyof typeof REFERENCES | string> = {
  resident_id: 'resident_id',
  facility_id: 'facility_id',
  managing_facility_id: 'facility_id',
  delivery_facility_id: 'facility_id',
  from_facility_id: 'facility_id',
  to_facility_id: 'facility_id',
  reporting_facility_id: 'facility_id',
  doctor_id: 'staff',
  responsible_doctor_id: 'staff',
  mother_resident_id: 'resident_id',
  child_resident_id: 'resident_id',
  pregnancy_id: 'pregnancies',
  registration_id: 'chronic_disease_registrations',
  encounter_id: 'encounters',
  renews_contract_id: 'family_doctor_contracts',
};

export const DIGEST_TABLES = [
  'regions', 'facilities', 'staff', 'residents', 'resident_identifiers', 'encounters', 'encounter_diagnoses',
  'chronic_disease_registrations', 'chronic_disease_follow_ups', 'pregnancies', 'family_doctor_contracts',
  'health_checkups', 'child_health_checks', 'immunizations', 'referrals', 'notifiable_disease_reports', 'deaths',
  'health_records', 'prenatal_visits', 'live_births', 'immunization_due_doses',
]; // prettier-ignore

async function rows(database: Database, text: string): Promise<Record<string, unknown>[]> {
  if (database.driver.kind === 'pglite')
    return (await database.driver.client.query(text)).rows as Record<string, unknown>[];
  return (await database.driver.pool.query(text)).rows;
}

/** Per table: the row count and an md5 of its rows without ids or timestamps, references by natural key. */
export async function digestTables(
  database: Database,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of DIGEST_TABLES) {
    const columns = (
      await rows(
        database,
        `select column_name as c from information_schema.columns where table_name = '${table}'`,
      )
    ).map((r) => r.c as string);
    const refs = columns.filter((c) => COLUMN_KIND[c]);
    const dropped = ['id', 'created_at', 'updated_at', ...refs].map((c) => ` - '${c}'`).join('');
    const keyed = refs
      .map((c) => {
        const kind = COLUMN_KIND[c]!;
        const expression =
          REFERENCES[kind] ??
          `(select source_system || '/' || source_id from ${kind} k where k.county_code = t.county_code and k.id = (t.x))`;
        return `'${c}', ${expression.replace('(t.x)', `t.${c}`)}`;
      })
      .join(', ');
    const row = `(to_jsonb(t)${dropped}) || jsonb_build_object(${keyed})`;
    const [result] = await rows(
      database,
      `select count(*)::int as n, coalesce(md5(string_agg(r::text, '\n' order by r::text)), '') as md5 from (select ${row} as r from ${table} t) x`,
    );
    out[table] = { rows: result!.n as number, md5: result!.md5 as string };
  }
  return out;
}
