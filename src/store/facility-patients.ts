import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './db.js';

/*
 * The patients of a facility, for a user whose data scope is a facility (docs/access-control.md): residents
 * with a health record it manages, an encounter at it, a chronic-disease registration it manages, or a
 * family-doctor contract with it. Each test goes through the table's (county_code, resident_id) index.
 */

/** The condition on a residents row (`resident.countyCode`, `resident.id`, or an alias's) for `facilityId`. */
export function servedBy(resident: { countyCode: SQLWrapper; id: SQLWrapper }, facilityId: number): SQL {
  const county = resident.countyCode;
  const id = resident.id;
  return sql`(exists (select 1 from health_records h where h.county_code = ${county} and h.resident_id = ${id} and h.managing_facility_id = ${facilityId})
    or exists (select 1 from encounters e where e.county_code = ${county} and e.resident_id = ${id} and e.facility_id = ${facilityId})
    or exists (select 1 from chronic_disease_registrations c where c.county_code = ${county} and c.resident_id = ${id} and c.managing_facility_id = ${facilityId})
    or exists (select 1 from family_doctor_contracts f where f.county_code = ${county} and f.resident_id = ${id} and f.facility_id = ${facilityId}))`;
}

/** Whether the resident is a patient of the facility (see above). */
export async function isServedBy(
  db: Db,
  countyCode: string,
  residentId: number,
  facilityId: number,
): Promise<boolean> {
  const result = (await db.execute(
    sql`select ${servedBy({ countyCode: sql`${countyCode}`, id: sql`${residentId}::bigint` }, facilityId)} as served`,
  )) as unknown as { rows: { served: boolean }[] };
  return result.rows[0]?.served === true;
}
