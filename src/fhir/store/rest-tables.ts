import type { Resource } from '@medplum/fhirtypes';
import { CS, LOINC, OBSERVATION_CODES as OC } from '../systems.js';
import { EXPORT_QUERIES, type ExportTable } from './export-queries.js';
import { EXPORTS } from './export-resources.js';

/*
 * What the FHIR REST API serves, as parts of the store: each part is one table read as one resource type,
 * with the id the export writes (`123`, `f45` for a follow-up Observation, `T001` for an Organization).
 * A type may have several parts (Observation: follow-ups, check-ups, child checks, deaths); the parts of a
 * type are searched in this order, which is also the order of the paging cursor.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are shaped by the SQL aliases of export-queries.ts */
type Row = any;

export interface RestPart {
  type: string;
  table: ExportTable;
  /** Prefix of the FHIR id before the row id ('' for most; Observation and EpisodeOfCare tell tables apart). */
  prefix: string;
  /** Regions and facilities are keyed by their code (the FHIR id); every other table by its bigint id. */
  key: 'id' | 'code';
  /** `select … from <table> t` without a WHERE: the export's columns, so REST and export give one shape. */
  select: string;
  /** SQL for the resident a row belongs to (scope, `patient`, `_include`); null: not personal data. */
  resident: string | null;
  /**
   * SQL for "the row belongs to resident $x" that can use an index (follow-ups reach their resident through
   * the registration: filtering on the correlated `resident` expression would scan every follow-up).
   */
  ofResident: ((param: string) => string) | null;
  /** The row's main date column (the `date` search parameter), as a SQL date. */
  date: string | null;
  /** The column naming the Encounter the row was made in (the `encounter` search parameter); null: none. */
  encounter: string | null;
  /** Rows of the table that are not resources (merged duplicates of the master patient index). */
  hidden: string | null;
  toFhir(row: Row): Resource;
}

/** The export's SELECT up to its WHERE, checked once at start-up so a changed export query fails loudly. */
function selectOf(table: ExportTable): string {
  const text = EXPORT_QUERIES[table];
  const marker = ` from ${table} t where `;
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error(`export query of ${table} has an unexpected shape`);
  return text.slice(0, at + marker.length - ' where '.length);
}

const toFhirOf = (table: ExportTable, type: string) => {
  const make = EXPORTS.find((e) => e.table === table)!.resources.find(([t]) => t === type)![1];
  return (row: Row) => make(numericIds(row));
};

/** The ids of a row come back as text from node-postgres (bigint): numbers for the mappers. */
const ID_KEYS = ['id', 'patientId', 'doctorId', 'registrationId', 'renewsId', 'encounterId'];
function numericIds(row: Row): Row {
  for (const key of ID_KEYS)
    if (row[key] != null && typeof row[key] === 'string') row[key] = Number(row[key]);
  return row;
}

const part = (
  type: string,
  table: ExportTable,
  options: {
    prefix?: string;
    resident?: string | null;
    date?: string | null;
    key?: 'id' | 'code';
    encounter?: string;
  } = {},
): RestPart => ({
  type,
  table,
  prefix: options.prefix ?? '',
  key: options.key ?? 'id',
  select: selectOf(table),
  resident: options.resident === undefined ? 't.resident_id' : options.resident,
  date: options.date ?? null,
  encounter: options.encounter ?? null,
  hidden: table === 'residents' ? 't.merged_into_id is not null' : null,
  ofResident:
    options.resident === null
      ? null
      : table === 'chronic_disease_follow_ups'
        ? (x) =>
            `t.registration_id in (select g.id from chronic_disease_registrations g where g.county_code = $1 and g.resident_id = ${x})`
        : (x) => `${options.resident ?? 't.resident_id'} = ${x}`,
  toFhir: toFhirOf(table, type),
});

export const REST_PARTS: RestPart[] = [
  part('Location', 'regions', { key: 'code', resident: null }),
  part('Organization', 'facilities', { key: 'code', resident: null }),
  part('Practitioner', 'staff', { resident: null }),
  part('PractitionerRole', 'staff', { resident: null, date: 't.started_on' }),
  part('Patient', 'residents', { resident: 't.id', date: 't.birth_date' }),
  part('EpisodeOfCare', 'chronic_disease_registrations', { prefix: 'r', date: 't.registered_on' }),
  part('EpisodeOfCare', 'pregnancies', { prefix: 'p', date: 't.registered_on' }),
  part('CarePlan', 'family_doctor_contracts', { date: 't.start_on' }),
  part('Encounter', 'encounters', { date: 't.start_date' }),
  part('Observation', 'chronic_disease_follow_ups', {
    prefix: 'f',
    resident: `(select g.resident_id from chronic_disease_registrations g where g.county_code = t.county_code and g.id = t.registration_id)`,
    date: 't.followed_up_on',
    encounter: 't.encounter_id',
  }),
  part('Observation', 'health_checkups', { prefix: 'c', date: 't.checked_on', encounter: 't.encounter_id' }),
  part('Observation', 'child_health_checks', {
    prefix: 'k',
    date: 't.checked_on',
    encounter: 't.encounter_id',
  }),
  part('Observation', 'deaths', { prefix: 'd', date: 't.death_date' }),
  part('Immunization', 'immunizations', { date: 't.vaccinated_on' }),
  part('ServiceRequest', 'referrals', { date: 't.referred_on', encounter: 't.encounter_id' }),
  part('Condition', 'notifiable_disease_reports', {
    date: `(t.reported_at at time zone 'Asia/Shanghai')::date`,
    encounter: 't.encounter_id',
  }),
];

/** The resource types served, in reference order (a type only points at types before it). */
export const REST_TYPES = [...new Set(REST_PARTS.map((p) => p.type))];

export const partsOf = (type: string): RestPart[] => REST_PARTS.filter((p) => p.type === type);

/** The part and store key of a FHIR id of `type`, or null when no row could have that id. */
export function partOfId(type: string, id: string): { part: RestPart; key: string } | null {
  for (const p of partsOf(type)) {
    if (p.key === 'code') {
      // Facility codes that are not FHIR ids travel hex-encoded (organizationId in ../organization.ts).
      const hex = /^x-((?:[0-9a-f]{2})+)$/.exec(id)?.[1];
      return { part: p, key: hex ? Buffer.from(hex, 'hex').toString() : id };
    }
    if (!id.startsWith(p.prefix)) continue;
    const rest = id.slice(p.prefix.length);
    if (/^[1-9]\d{0,17}$/.test(rest)) return { part: p, key: rest };
  }
  return null;
}

/** The codes (system, code) every row of a part carries, for `code` searches on types spread over tables. */
export const PART_CODES: Partial<Record<ExportTable, { system: string; code: string }>> = {
  chronic_disease_follow_ups: { system: CS.observation, code: OC.followUp },
  health_checkups: { system: CS.observation, code: OC.checkup },
  child_health_checks: { system: CS.observation, code: OC.childCheck },
  deaths: { system: CS.loinc, code: LOINC.causeOfDeath },
  pregnancies: { system: CS.episodeType, code: 'pregnancy' },
};

/** Which element of a resource names its patient (for `_include=X:patient`). */
export const PATIENT_ELEMENT: Record<string, string> = {
  EpisodeOfCare: 'patient',
  CarePlan: 'subject',
  Encounter: 'subject',
  Observation: 'subject',
  Immunization: 'patient',
  ServiceRequest: 'subject',
  Condition: 'subject',
};
