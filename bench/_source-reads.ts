// The floor under a full recompute of one year: the larger sources its formulas read, each read once and
// grouped by the key it is combined on, as plain SELECTs (PostgreSQL may plan them in parallel), nothing
// combined and nothing written. A recompute from the records reads at least this much (here read the
// cheapest way found); its ratio to the raw scan says how low the recompute's ratio could go on the machine.
import { tune } from '../src/engine/refresh.js';
import { query } from '../src/engine/sql/bind.js';
import type { Db } from '../src/store/db.js';
import { median } from './_stats.js';

const inYear = (column: string) =>
  `${column} BETWEEN make_date(:year::int, 1, 1) AND make_date(:year::int, 12, 31)`;
const grouped = (select: string) => `SELECT count(*) FROM (${select}) AS x`;

/** What each formula group needs, read the cheapest way found (docs/indicators.md, 7 Dec, ninth machine). */
const SOURCES: Record<string, string> = {
  residents: `SELECT count(*) FROM residents WHERE county_code = :county AND resident AND merged_into_id IS NULL`,
  healthRecords: `SELECT count(*) FROM health_records WHERE county_code = :county`,
  // The record's use (a visit in the year) and the facility rollup: two passes; one pass with hashed
  // grouping sets took as long as both.
  visitsByResident: grouped(`SELECT resident_id FROM encounters
    WHERE county_code = :county AND ${inYear('start_date')} AND facility_id IS NOT NULL GROUP BY 1`),
  visitsByFacility: grouped(`SELECT facility_id, extract(quarter FROM start_date), class,
      patient_county_code = :county, count(*), sum(total_cost), sum(out_of_pocket), sum(length_of_stay)
    FROM encounters WHERE county_code = :county AND ${inYear('start_date')} GROUP BY 1, 2, 3, 4`),
  registrations: `SELECT count(*) FROM chronic_disease_registrations WHERE county_code = :county`,
  followUps: grouped(`SELECT registration_id, count(*) FROM chronic_disease_follow_ups
    WHERE county_code = :county AND ${inYear('followed_up_on')} GROUP BY 1`),
  checkups: grouped(`SELECT resident_id FROM health_checkups
    WHERE county_code = :county AND ${inYear('checked_on')} GROUP BY 1`),
  childChecks: grouped(`SELECT resident_id FROM child_health_checks
    WHERE county_code = :county AND ${inYear('checked_on')} GROUP BY 1`),
  contracts: grouped(`SELECT resident_id FROM family_doctor_contracts
    WHERE county_code = :county AND start_on <= make_date(:year::int, 12, 31) AND end_on >= make_date(:year::int, 1, 1)
    GROUP BY 1`),
  // Doses given to the residents with a dose due in the year (the county keeps its due list).
  immunizations: grouped(`SELECT resident_id, vaccine_code, dose_number, min(vaccinated_on) FROM immunizations
    WHERE county_code = :county AND resident_id IN (SELECT resident_id FROM immunization_due_doses
      WHERE county_code = :county AND ${inYear('due_on')})
    GROUP BY 1, 2, 3`),
};

/**
 * Reads every source `runs` times after a warm-up pass, with the settings a rebuild runs with (`tune`: no
 * JIT, 256 MB for hashing, PGlite's cap below that); returns the median of each source and their sum.
 */
export async function sourceReads(db: Db, county: string, year: number, runs = 3) {
  const times: Record<string, number[]> = {};
  await db.transaction(async (tx) => {
    await tune(tx, '256MB');
    for (let run = 0; run <= runs; run++) {
      for (const [name, text] of Object.entries(SOURCES)) {
        const started = performance.now();
        await query(tx, text, { county, year });
        if (run > 0) (times[name] ??= []).push(Math.round(performance.now() - started));
      }
    }
  });
  const parts = Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, median(ms)]));
  return { totalMs: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}
