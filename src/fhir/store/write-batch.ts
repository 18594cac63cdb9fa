import type { Place } from '../../domain/errors.js';
import type { Reject } from '../../domain/import-report.js';
import type {
  FhirRecord,
  LocationRecord,
  PractitionerRecord,
  PractitionerRoleRecord,
  RecordTable,
} from '../records.js';
import {
  resolveFacilities,
  resolveRegions,
  resolveResidents,
  resolveSource,
  sourceKeyText,
} from './resolve.js';
import { upsert, type Sql } from './sql.js';
import { TABLE_SPECS, type TableSpec } from './table-specs.js';
import { writeResidents } from './write-residents.js';
import { writeTable, type ResolveCache } from './write-table.js';

export interface BatchItem<R = FhirRecord> {
  record: R;
  place: Place;
}

export interface BatchResult {
  written: number;
  rejects: Reject[];
  byType: Record<string, number>;
}

/** People met in the import's Practitioner resources, by source key, until their roles are written. */
export type PractitionerIndex = Map<string, { record: PractitionerRecord; place: Place; used: boolean }>;

const SPEC_ORDER = [
  'facilities',
  'chronic_disease_registrations',
  'pregnancies',
  'prenatal_visits',
  'live_births',
  'family_doctor_contracts',
  'health_records',
  'encounters',
  'chronic_disease_follow_ups',
  'health_checkups',
  'child_health_checks',
  'immunizations',
  'immunization_due_doses',
  'referrals',
  'notifiable_disease_reports',
  'deaths',
] as const;

/**
 * Writes one batch, table by table in reference order (regions, facilities, staff, residents, then the
 * records that point at them), so references inside the batch resolve. The caller holds the transaction.
 */
export async function writeBatch(
  sql: Sql,
  county: string,
  items: BatchItem[],
  practitioners: PractitionerIndex,
): Promise<BatchResult> {
  const result: BatchResult = { written: 0, rejects: [], byType: {} };
  // The batch's items by table, grouped once (a batch has ~20 tables and thousands of items).
  const byTable = new Map<RecordTable, BatchItem[]>();
  for (const item of items) {
    const list = byTable.get(item.record.table);
    if (list) list.push(item);
    else byTable.set(item.record.table, [item]);
  }
  const of = <T extends RecordTable>(table: T) =>
    (byTable.get(table) ?? []) as BatchItem<Extract<FhirRecord, { table: T }>>[];
  const add = (type: string, part: { written: number; rejects: Reject[] }) => {
    result.written += part.written;
    result.rejects.push(...part.rejects);
    if (part.written) result.byType[type] = (result.byType[type] ?? 0) + part.written;
  };

  add('Location', await writeRegions(sql, county, of('regions')));
  add('Organization', await writeTable(sql, county, 'facilities', TABLE_SPECS.facilities, of('facilities')));
  for (const item of of('practitioners'))
    practitioners.set(sourceKeyText(item.record.key), { ...item, used: false });
  const staff = await writeStaff(sql, county, of('staff'), practitioners);
  add('PractitionerRole', staff);
  // A Practitioner is written when its first role is (the store keeps people inside employments).
  add('Practitioner', { written: staff.people, rejects: [] });
  add('Patient', await writeResidents(sql, county, of('residents')));
  const cache = await resolveAll(sql, county, items);
  for (const table of SPEC_ORDER.slice(1)) {
    const spec = TABLE_SPECS[table] as TableSpec<FhirRecord>;
    const written = await writeTable(sql, county, table, spec, of(table), cache);
    add(spec.resource, written);
    if (table === 'encounters') await writeDiagnoses(sql, county, written.ids);
    if (table === 'family_doctor_contracts') add('CarePlan', await linkRenewals(sql, county, written.ids));
  }
  return result;
}

/** Every resident and facility the batch's records point at, in one query each. */
async function resolveAll(sql: Sql, county: string, items: BatchItem[]): Promise<ResolveCache> {
  const refs = items.flatMap((i) => {
    const spec = (TABLE_SPECS as Record<string, TableSpec<FhirRecord>>)[i.record.table];
    return spec && i.record.table !== 'facilities' ? spec.refs(i.record) : [];
  });
  return {
    residents: await resolveResidents(
      sql,
      county,
      refs.flatMap((r) => (r?.kind === 'resident' ? [r.ref] : [])),
    ),
    facilities: await resolveFacilities(
      sql,
      county,
      refs.flatMap((r) => (r?.kind === 'facility' ? [r.code] : [])),
    ),
  };
}

/** Regions level by level, so a town's county and a village's town may come in the same batch. */
async function writeRegions(sql: Sql, county: string, items: BatchItem<LocationRecord>[]) {
  const rejects: Reject[] = [];
  let written = 0;
  for (const level of ['county', 'town', 'village'] as const) {
    const atLevel = items.filter((i) => i.record.level === level);
    const parents = await resolveRegions(
      sql,
      county,
      atLevel.flatMap((i) => (i.record.parentCode ? [i.record.parentCode] : [])),
    );
    const kept = atLevel.filter((i) => {
      const { code, parentCode } = i.record;
      const reason = !code.startsWith(county)
        ? `region ${code} is not in county ${county}`
        : parentCode && !parents.has(parentCode)
          ? `its parent region ${parentCode} is unknown`
          : null;
      if (reason)
        rejects.push({ ...i.place, field: 'Location.identifier', code: 'fhir.unknown-region', reason });
      return reason === null;
    });
    const latest = [...new Map(kept.map((i) => [i.record.code, i.record])).values()];
    const col = (name: string, read: (r: LocationRecord) => unknown) => ({
      name,
      type: 'text' as const,
      values: latest.map(read),
    });
    await upsert(
      sql,
      'regions',
      county,
      [
        col('code', (r) => r.code),
        col('parent_code', (r) => r.parentCode),
        col('level', (r) => r.level),
        col('name', (r) => r.name),
        col('urban_rural_code', (r) => r.urbanRuralCode),
      ],
      ['code'],
      { keep: ['urban_rural_code'] },
    );
    written += kept.length;
  }
  return { written, rejects };
}

/** PractitionerRole + its Practitioner → one staff row; the person comes from this import or the role's display. */
async function writeStaff(
  sql: Sql,
  county: string,
  items: BatchItem<PractitionerRoleRecord>[],
  practitioners: PractitionerIndex,
) {
  const rejects: Reject[] = [];
  let people = 0;
  const facilities = await resolveFacilities(
    sql,
    county,
    items.map((i) => i.record.facilityCode),
  );
  const rows: {
    role: PractitionerRoleRecord;
    person: Partial<PractitionerRecord> & { name: string };
    facility: number;
  }[] = [];
  for (const item of items) {
    const role = item.record;
    const person = practitioners.get(sourceKeyText(role.practitioner));
    const facility = facilities.get(role.facilityCode);
    const reject = (field: string, code: string, reason: string) =>
      rejects.push({ ...item.place, field, code, reason });
    if (facility === undefined)
      reject(
        'PractitionerRole.organization',
        'fhir.unknown-facility',
        `facility ${role.facilityCode} does not exist`,
      );
    else if (!person && !role.practitionerName) {
      reject(
        'PractitionerRole.practitioner',
        'fhir.unknown-reference',
        `Practitioner ${role.practitioner.id} is not in this import (and the reference has no display name)`,
      );
    } else {
      if (person && !person.used) {
        person.used = true;
        people++;
      }
      rows.push({ role, person: person?.record ?? { name: role.practitionerName! }, facility });
    }
  }
  const latest = [...new Map(rows.map((r) => [sourceKeyText(r.role.source), r])).values()];
  const col = (
    name: string,
    type: Parameters<typeof upsert>[3][number]['type'],
    read: (r: (typeof rows)[number]) => unknown,
  ) => ({ name, type, values: latest.map(read) });
  await upsert(
    sql,
    'staff',
    county,
    [
      col('source_system', 'text', (r) => r.role.source.system),
      col('source_id', 'text', (r) => r.role.source.id),
      col('facility_id', 'bigint', (r) => r.facility),
      col('name', 'text', (r) => r.person.name),
      col('sex', 'text', (r) => r.person.sex ?? null),
      col('birth_date', 'date', (r) => r.person.birthDate ?? null),
      col('licence_number', 'text', (r) => r.person.licenceNumber ?? null),
      col('category', 'text', (r) => r.role.category),
      col('practice_category', 'text', (r) => r.role.practiceCategory),
      col('gp_registered', 'bool', (r) => r.role.gpRegistered),
      col('gp_certificate', 'bool', (r) => r.role.gpCertificate),
      col('management_post', 'bool', (r) => r.role.managementPost),
      col('started_on', 'date', (r) => r.role.startedOn),
      col('ended_on', 'date', (r) => r.role.endedOn),
    ],
    ['source_system', 'source_id'],
  );
  return { written: rows.length, rejects, people };
}

/** An encounter's diagnoses are replaced whole: the record in the file is the encounter's current state. */
async function writeDiagnoses(sql: Sql, county: string, ids: { item: BatchItem; id: number }[]) {
  if (!ids.length) return;
  await sql.query(
    'delete from encounter_diagnoses where county_code = $1 and encounter_id = any($2::bigint[])',
    [county, ids.map((i) => i.id)],
  );
  const rows = ids.flatMap(({ item, id }) =>
    item.record.table === 'encounters'
      ? item.record.diagnoses.map((d, i) => ({ id, position: i + 1, ...d }))
      : [],
  );
  await upsert(
    sql,
    'encounter_diagnoses',
    county,
    [
      { name: 'encounter_id', type: 'bigint', values: rows.map((r) => r.id) },
      { name: 'position', type: 'int', values: rows.map((r) => r.position) },
      { name: 'code', type: 'text', values: rows.map((r) => r.code) },
      { name: 'name', type: 'text', values: rows.map((r) => r.name) },
    ],
    ['encounter_id', 'position'],
  );
}

/**
 * Renewals point at another contract, possibly in the same batch, so they are linked after the upsert.
 * A renewed contract that is nowhere to be found leaves the link empty and is reported.
 */
async function linkRenewals(sql: Sql, county: string, ids: { item: BatchItem; id: number }[]) {
  const renewing = ids.flatMap(({ item, id }) =>
    item.record.table === 'family_doctor_contracts' && item.record.renews
      ? [{ item, id, renews: item.record.renews }]
      : [],
  );
  const found = await resolveSource(
    sql,
    county,
    'family_doctor_contracts',
    renewing.map((r) => r.renews),
  );
  const linked = renewing.filter((r) => found.has(sourceKeyText(r.renews)));
  if (linked.length) {
    await sql.query(
      `update family_doctor_contracts c set renews_contract_id = l.renews from unnest($2::bigint[], $3::bigint[]) as l(id, renews)
       where c.county_code = $1 and c.id = l.id`,
      [county, linked.map((r) => r.id), linked.map((r) => found.get(sourceKeyText(r.renews)))],
    );
  }
  const rejects = renewing
    .filter((r) => !found.has(sourceKeyText(r.renews)))
    .map((r) => ({
      ...r.item.place,
      field: 'CarePlan.replaces[0]',
      code: 'fhir.unknown-reference',
      reason: `renewed contract ${r.renews.system}/${r.renews.id} not found`,
    }));
  return { written: 0, rejects };
}
