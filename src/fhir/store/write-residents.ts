import type { Reject } from '../../domain/import-report.js';
import type { PatientRecord } from '../records.js';
import { resolveRegions } from './resolve.js';
import { reserveIds, upsert, type Sql } from './sql.js';
import type { BatchItem } from './write-batch.js';

/**
 * Patients → the master patient index. A person is found by resident ID number, else by an identifier
 * already known (insurance, passport, source id), else by name + sex + birth date + residence village;
 * otherwise a new resident. Patients of one batch that are the same person by those keys become one row.
 * Everything is set-based: one query to match, one to write the residents, one for the identifiers.
 */
export async function writeResidents(
  sql: Sql,
  county: string,
  items: BatchItem<PatientRecord>[],
): Promise<{ written: number; rejects: Reject[] }> {
  const rejects: Reject[] = [];
  const villages = await resolveRegions(
    sql,
    county,
    items.flatMap((i) => (i.record.villageCode?.startsWith(county) ? [i.record.villageCode] : [])),
  );
  const valid = items.filter((item) => {
    const village = item.record.villageCode;
    if (!village || !village.startsWith(county) || villages.has(village)) return true;
    rejects.push({
      ...item.place,
      field: 'Patient.address[0].extension',
      code: 'fhir.unknown-region',
      reason: `unknown region code ${village} (not a village of the county)`,
    });
    return false;
  });
  const people = groupSamePerson(valid.map((i) => i.record));
  if (!people.length) return { written: 0, rejects };

  const matched = await match(sql, county, people);
  const fresh = await reserveIds(sql, 'residents', matched.filter((id) => id === null).length);
  const ids = matched.map((id) => id ?? fresh.shift()!);
  const column = <T>(
    name: string,
    type: Parameters<typeof upsert>[3][number]['type'],
    read: (p: PatientRecord) => T,
  ) => ({
    name,
    type,
    values: people.map(read),
  });
  await upsert(
    sql,
    'residents',
    county,
    [
      { name: 'id', type: 'bigint', values: ids },
      column('resident_id_number', 'text', (p) => p.residentIdNumber),
      column('name', 'text', (p) => p.name),
      column('sex', 'text', (p) => p.sex),
      column('birth_date', 'date', (p) => p.birthDate),
      column('residence_village_code', 'text', (p) =>
        p.villageCode?.startsWith(county) ? p.villageCode : null,
      ),
      column('residence_county_code', 'text', (p) => p.residenceCountyCode),
      column('address', 'text', (p) => p.address),
      column('resident', 'bool', (p) => p.resident),
      column('registered', 'bool', (p) => p.registered),
      column('phone', 'text', (p) => p.phone),
      column('death_date', 'date', (p) => p.deathDate),
    ],
    ['id'],
    {
      keep: [
        'resident_id_number',
        'birth_date',
        'residence_village_code',
        'residence_county_code',
        'address',
        'phone',
        'death_date',
      ],
    },
  );
  const identifiers = people.flatMap((p, i) => p.identifiers.map((x) => ({ ...x, id: ids[i]! })));
  // An identifier already held by another resident stays there: that pair is for the duplicate review.
  await upsert(
    sql,
    'resident_identifiers',
    county,
    [
      { name: 'system', type: 'text', values: identifiers.map((x) => x.system) },
      { name: 'value', type: 'text', values: identifiers.map((x) => x.value) },
      { name: 'resident_id', type: 'bigint', values: identifiers.map((x) => x.id) },
    ],
    ['system', 'value'],
  );
  return { written: valid.length, rejects };
}

const demographicKey = (p: PatientRecord) =>
  p.birthDate && p.villageCode
    ? `d\u001f${p.name}\u001f${p.sex}\u001f${p.birthDate}\u001f${p.villageCode}`
    : null;

/** Merges the batch's records of one person (same ID number, identifier or demographics); later values win. */
function groupSamePerson(records: PatientRecord[]): PatientRecord[] {
  const owner = new Map<string, number>();
  const groups: (PatientRecord | null)[] = [];
  for (const record of records) {
    const keys = [
      record.residentIdNumber ? `r\u001f${record.residentIdNumber}` : null,
      ...record.identifiers.map((i) => `i\u001f${i.system}\u001f${i.value}`),
      record.residentIdNumber ? null : demographicKey(record),
    ].filter((k): k is string => k !== null);
    const found = keys
      .map((k) => owner.get(k))
      .find((g) => g !== undefined && compatible(groups[g]!, record));
    if (found === undefined) {
      groups.push(record);
      keys.forEach((k) => owner.set(k, groups.length - 1));
      continue;
    }
    const into = groups[found]!;
    groups[found] = merge(into, record);
    keys.forEach((k) => owner.set(k, found));
  }
  return groups.filter((g): g is PatientRecord => g !== null);
}

const compatible = (a: PatientRecord, b: PatientRecord) =>
  !a.residentIdNumber || !b.residentIdNumber || a.residentIdNumber === b.residentIdNumber;

function merge(a: PatientRecord, b: PatientRecord): PatientRecord {
  const pick = <K extends keyof PatientRecord>(k: K) => b[k] ?? a[k];
  const identifiers = new Map(
    [...a.identifiers, ...b.identifiers].map((i) => [`${i.system}\u001f${i.value}`, i]),
  );
  return {
    ...b,
    residentIdNumber: pick('residentIdNumber'),
    sex: b.sex === 'unknown' ? a.sex : b.sex,
    birthDate: pick('birthDate'),
    villageCode: pick('villageCode'),
    residenceCountyCode: pick('residenceCountyCode'),
    address: pick('address'),
    phone: pick('phone'),
    deathDate: pick('deathDate'),
    identifiers: [...identifiers.values()],
  };
}

/** The existing resident of each person, or null for a new one. */
async function match(sql: Sql, county: string, people: PatientRecord[]): Promise<(number | null)[]> {
  const identifiers = people.flatMap((p, ord) => p.identifiers.map((i) => ({ ord, ...i })));
  const rows = await sql.query<{ ord: number; id: string | number | null }>(
    // Set-based (joins grouped by person), so a batch costs one pass over each index, not one per pair.
    `with p as (select * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[])
                  as p(ord, rid, name, sex, birth, village)),
          i as (select * from unnest($8::int[], $9::text[], $10::text[]) as i(ord, system, value)),
          by_rid as (
            select p.ord, coalesce(r.merged_into_id, r.id) as id from p
            join residents r on r.county_code = $1 and r.resident_id_number = p.rid),
          by_identifier as (
            select i.ord, min(coalesce(r.merged_into_id, r.id)) as id from i
            join p on p.ord = i.ord
            join resident_identifiers x on x.county_code = $1 and x.system = i.system and x.value = i.value
            join residents r on r.county_code = $1 and r.id = x.resident_id
            where p.rid is null or r.resident_id_number is null or r.resident_id_number = p.rid
            group by i.ord),
          by_demographics as (
            select p.ord, min(r.id) as id from p
            join residents r on r.county_code = $1 and r.birth_date = p.birth and r.name = p.name and r.sex = p.sex
              and r.residence_village_code = p.village and r.merged_into_id is null
              and (p.rid is null or r.resident_id_number is null)
            group by p.ord)
     select p.ord, coalesce(a.id, b.id, c.id) as id from p
     left join by_rid a on a.ord = p.ord left join by_identifier b on b.ord = p.ord left join by_demographics c on c.ord = p.ord
     order by p.ord`,
    [
      county,
      people.map((_, i) => i),
      people.map((p) => p.residentIdNumber),
      people.map((p) => p.name),
      people.map((p) => p.sex),
      people.map((p) => p.birthDate),
      people.map((p) => (p.villageCode?.startsWith(county) ? p.villageCode : null)),
      identifiers.map((i) => i.ord),
      identifiers.map((i) => i.system),
      identifiers.map((i) => i.value),
    ],
  );
  return rows.map((r) => (r.id === null ? null : Number(r.id)));
}
