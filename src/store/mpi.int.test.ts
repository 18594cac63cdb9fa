import { and, eq, getTableName, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRule } from '../domain/identity/match-rules.js';
import { makeResidentId } from '../domain/identity/resident-id.js';
import { backends } from '../testing/databases.js';
import type { Database, Db } from './db.js';
import {
  findDuplicateCandidates,
  listCandidates,
  mergeResidents,
  rejectCandidate,
  RESIDENT_REFERENCES,
} from './mpi.js';
import {
  chronicDiseaseFollowUps,
  chronicDiseaseRegistrations,
  deaths,
  encounters,
  facilities,
  familyDoctorContracts,
  healthCheckups,
  healthRecords,
  immunizationDueDoses,
  immunizations,
  liveBirths,
  notifiableDiseaseReports,
  referrals,
  regions,
  residentIdentifiers,
  residentMatchCandidates,
  residents,
} from './schema/index.js';

const county = '320612';
const otherCounty = '320613';
const V1 = '320612100201'; // town 320612100000
const V2 = '320612100202'; // same town
const V3 = '320612101201'; // town 320612101000

const idA = makeResidentId(county, '1955-03-08', 123);
const idB = makeResidentId(county, '1980-01-01', 11);
const idC = makeResidentId(county, '1980-01-01', 13);
const idD = makeResidentId(county, '1970-05-05', 22);
const idE = makeResidentId(county, '1965-02-02', 31);
/** idE with its 17th digit changed: the check digit no longer fits. */
const idETypo = idE.slice(0, 16) + String((Number(idE[16]) + 2) % 10) + idE[17];

type ResidentRow = typeof residents.$inferInsert;
const person = (name: string, sex: ResidentRow['sex'], birthDate: string, village: string | null) => ({
  name,
  sex,
  birthDate,
  residenceVillageCode: village,
});

/**
 * The hand-made county. Duplicates, by rule: r1–r2 demographics (name spelled with a space), r1–r3 and
 * r2–r3 demographics-town (V2 is in V1's town), r9–r10 id-number (r10 holds r9's number as insurance
 * number), r15–r16 demographics (full-width, lower-case Latin name), r18–r19 demographics (r19's ID
 * number is mistyped). Look-alikes that are not: r4 (other birth date), r5/r6 (twins), r7/r8 (two valid
 * ID numbers), r11 (other sex), r12 (other town), r13/r14 (sex unknown), r17 (already merged into r1),
 * r20 (other county).
 */
const RESIDENTS: Record<string, Partial<ResidentRow>> = {
  r1: { ...person('张三', 'male', '1955-03-08', V1), residentIdNumber: idA, address: '金沙街道1号' },
  r2: { ...person('张 三', 'male', '1955-03-08', V1), phone: '13812345678' },
  r3: person('张三', 'male', '1955-03-08', V2),
  r4: person('张三', 'male', '1955-03-09', V1),
  r5: person('李大明', 'male', '2010-06-01', V1),
  r6: person('李小明', 'male', '2010-06-01', V1),
  r7: { ...person('阿不都·买买提', 'male', '1980-01-01', V3), residentIdNumber: idB },
  r8: { ...person('阿不都买买提', 'male', '1980-01-01', V3), residentIdNumber: idC },
  r9: { ...person('王五', 'female', '1970-05-05', V3), residentIdNumber: idD },
  r10: person('王伍', 'female', '1970-05-05', null),
  r11: person('张三', 'female', '1955-03-08', V1),
  r12: person('张三', 'male', '1955-03-08', V3),
  r13: person('赵六', 'unknown', '1960-01-01', V1),
  r14: person('赵六', 'unknown', '1960-01-01', V1),
  r15: person('Li Na', 'female', '1990-01-01', V2),
  r16: person('ｌｉ　ｎａ', 'female', '1990-01-01', V2),
  r17: person('张三', 'male', '1955-03-08', V1),
  r18: { ...person('孙七', 'male', '1965-02-02', V2), residentIdNumber: idE },
  r19: { ...person('孙七', 'male', '1965-02-02', V2), residentIdNumber: idETypo },
};

const EXPECTED_PAIRS = [
  ['r1', 'r2', 'demographics'],
  ['r1', 'r3', 'demographics-town'],
  ['r2', 'r3', 'demographics-town'],
  ['r9', 'r10', 'id-number'],
  ['r15', 'r16', 'demographics'],
  ['r18', 'r19', 'demographics'],
] as const;

async function seed(db: Db): Promise<Record<string, number>> {
  await db.insert(regions).values([
    { countyCode: county, code: '320612000000', level: 'county', name: '通州区' },
    { countyCode: county, code: '320612100000', parentCode: '320612000000', level: 'town', name: '金沙街道' },
    { countyCode: county, code: V1, parentCode: '320612100000', level: 'village', name: '一村' },
    { countyCode: county, code: V2, parentCode: '320612100000', level: 'village', name: '二村' },
    { countyCode: county, code: '320612101000', parentCode: '320612000000', level: 'town', name: '西亭镇' },
    { countyCode: county, code: V3, parentCode: '320612101000', level: 'village', name: '三村' },
  ]);
  const ids: Record<string, number> = {};
  for (const [key, values] of Object.entries(RESIDENTS)) {
    const [row] = await db
      .insert(residents)
      .values({ countyCode: county, resident: true, registered: true, name: '', sex: 'unknown', ...values })
      .returning({ id: residents.id });
    ids[key] = row!.id;
  }
  await db
    .update(residents)
    .set({ mergedIntoId: ids.r1 })
    .where(and(eq(residents.countyCode, county), eq(residents.id, ids.r17!)));
  await db.insert(residentIdentifiers).values([
    { countyCode: county, system: 'insurance', value: idD.toLowerCase(), residentId: ids.r10! },
    // Not an ID-number system: never matched, even though the value is r1's number.
    { countyCode: county, system: 'source:his:320612-001', value: idA, residentId: ids.r4! },
  ]);
  const [other] = await db
    .insert(residents)
    .values({
      countyCode: otherCounty,
      name: '张三',
      sex: 'male',
      birthDate: '1955-03-08',
      resident: true,
      registered: true,
    })
    .returning({ id: residents.id });
  ids.r20 = other!.id;
  return ids;
}

/** Stored candidate pairs as [key, key, rule] (keys of RESIDENTS), sorted. */
async function storedPairs(db: Db, ids: Record<string, number>) {
  const keyOf = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  const stored = await db
    .select()
    .from(residentMatchCandidates)
    .where(eq(residentMatchCandidates.countyCode, county));
  return stored
    .map((c) => [keyOf.get(c.residentId), keyOf.get(c.otherResidentId), c.rule, c.status])
    .sort((a, b) => String(a).localeCompare(String(b)));
}

describe.each(backends)('master patient index on $name', (backend) => {
  let database: Database;
  let db: Db;
  let ids: Record<string, number>;
  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    ids = await seed(db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists every column that references residents, as the database has them', async () => {
    const result = (await db.execute(sql`
      select c.conrelid::regclass::text as "table", a.attname as "column"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and c.confrelid = 'residents'::regclass and a.attname <> 'county_code'`)) as unknown as {
      rows: { table: string; column: string }[];
    };
    const inDatabase = result.rows.map((r) => `${r.table}.${r.column}`).sort();
    const listed = RESIDENT_REFERENCES.map((r) => `${getTableName(r.column.table)}.${r.column.name}`).sort();
    expect(listed).toEqual(inDatabase);
  });

  it('finds exactly the hand-made duplicate pairs, each under its strongest rule', async () => {
    expect(await findDuplicateCandidates(db, county)).toBe(EXPECTED_PAIRS.length);
    const expected = EXPECTED_PAIRS.map(([a, b, rule]) => [a, b, rule, 'pending']).sort((a, b) =>
      String(a).localeCompare(String(b)),
    );
    expect(await storedPairs(db, ids)).toEqual(expected);
  });

  it('agrees with the pure rules on every pair of the fixture', async () => {
    const keys = Object.keys(RESIDENTS).filter((k) => k !== 'r17');
    const subject = (k: string) => {
      const r = RESIDENTS[k]!;
      return {
        idNumber: r.residentIdNumber ?? null,
        identifierIdNumbers: k === 'r10' ? [idD] : [],
        name: r.name!,
        sex: r.sex!,
        birthDate: r.birthDate ?? null,
        villageCode: r.residenceVillageCode ?? null,
      };
    };
    const pure = keys.flatMap((a, i) =>
      keys.slice(i + 1).flatMap((b) => {
        const rule = matchRule(subject(a), subject(b));
        return rule ? [[a, b, rule.name]] : [];
      }),
    );
    expect(pure).toEqual(EXPECTED_PAIRS.map((p) => [...p]));
  });

  it('adds nothing on a second run', async () => {
    expect(await findDuplicateCandidates(db, county)).toBe(0);
    expect(await storedPairs(db, ids)).toHaveLength(EXPECTED_PAIRS.length);
  });

  it('lists pending pairs strongest first, masked, with record counts', async () => {
    await db.insert(encounters).values({
      countyCode: county,
      sourceSystem: 'his',
      sourceId: 'list-1',
      residentId: ids.r9!,
      facilityCountyCode: otherCounty,
      facilityName: '外县医院',
      class: 'outpatient',
      startDate: '2024-01-02',
    });
    const { total, candidates } = await listCandidates(db, county, { limit: 2 });
    expect(total).toBe(EXPECTED_PAIRS.length);
    expect(candidates).toHaveLength(2);
    const [first] = candidates;
    expect(first).toMatchObject({ rule: 'id-number', strength: 'certain', score: 1, status: 'pending' });
    expect(first!.resident).toMatchObject({
      id: ids.r9,
      name: '王*',
      idNumber: `3206**********${idD.slice(-4)}`,
      village: { code: V3, name: '三村' },
    });
    expect(first!.resident.records.encounters).toBe(1);
    expect(first!.other).toMatchObject({ id: ids.r10, name: '王*', idNumber: null, village: null });
    expect(first!.other.records.encounters).toBe(0);
    // Then the probable pairs by resident id: r1–r2 first; the name keeps its stored space.
    expect(candidates[1]).toMatchObject({ rule: 'demographics', resident: { id: ids.r1 } });
    expect(candidates[1]!.other).toMatchObject({ id: ids.r2, name: '张 *', phone: '138****5678' });
    expect(JSON.stringify(candidates)).not.toMatch(/13812345678|张三|王五/);
    const rest = await listCandidates(db, county, { offset: 2, limit: 50 });
    expect(rest.candidates.map((c) => c.rule)).toEqual([
      'demographics',
      'demographics',
      'demographics-town',
      'demographics-town',
    ]);
  });

  it('rejects a pair, idempotently, and does not propose it again', async () => {
    await rejectCandidate(db, county, ids.r16!, ids.r15!, { actor: 'test' });
    await rejectCandidate(db, county, ids.r15!, ids.r16!, { actor: 'test' });
    expect(await findDuplicateCandidates(db, county)).toBe(0);
    const rejected = await listCandidates(db, county, { status: 'rejected' });
    expect(rejected.candidates.map((c) => [c.resident.id, c.other.id, c.decidedBy])).toEqual([
      [ids.r15, ids.r16, 'test'],
    ]);
    await expect(rejectCandidate(db, county, ids.r5!, ids.r6!, { actor: 'test' })).rejects.toMatchObject({
      code: 'mpi.candidate-not-found',
      status: 404,
    });
  });

  describe('merge', () => {
    /** Rows referencing a resident, per RESIDENT_REFERENCES label (candidates aside). */
    async function counts(id: number): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const r of RESIDENT_REFERENCES.filter((ref) => ref.label !== 'candidates')) {
        const result = (await db.execute(
          sql`select count(*)::int as n from ${r.column.table} where county_code = ${county} and ${r.column} = ${id}`,
        )) as unknown as { rows: { n: number }[] };
        out[r.label] = result.rows[0]!.n;
      }
      return out;
    }

    async function followUpsOf(id: number): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(chronicDiseaseFollowUps)
        .innerJoin(
          chronicDiseaseRegistrations,
          and(
            eq(chronicDiseaseRegistrations.countyCode, chronicDiseaseFollowUps.countyCode),
            eq(chronicDiseaseRegistrations.id, chronicDiseaseFollowUps.registrationId),
          ),
        )
        .where(
          and(
            eq(chronicDiseaseRegistrations.countyCode, county),
            eq(chronicDiseaseRegistrations.residentId, id),
          ),
        );
      return row!.n;
    }

    /** r1 (to be merged) has most of the records and the ID number; r2 (the survivor) has a few. */
    async function seedRecords(): Promise<void> {
      const [facility] = await db
        .insert(facilities)
        .values({
          countyCode: county,
          code: 'F1',
          name: '金沙卫生院',
          type: 'township_health_centre',
          ownership: 'public',
          primaryCare: true,
        })
        .returning({ id: facilities.id });
      const src = (id: string) => ({ countyCode: county, sourceSystem: 'test', sourceId: id });
      const visit = { facilityId: facility!.id, facilityCountyCode: county, class: 'outpatient' as const };
      await db.insert(encounters).values([
        { ...src('e1'), ...visit, residentId: ids.r1!, startDate: '2023-01-05' },
        { ...src('e2'), ...visit, residentId: ids.r1!, startDate: '2023-02-05' },
        { ...src('e3'), ...visit, residentId: ids.r2!, startDate: '2024-03-05' },
      ]);
      const [registration] = await db
        .insert(chronicDiseaseRegistrations)
        .values({ ...src('c1'), residentId: ids.r1!, disease: 'hypertension', registeredOn: '2020-01-01' })
        .returning({ id: chronicDiseaseRegistrations.id });
      await db.insert(chronicDiseaseFollowUps).values([
        { ...src('f1'), registrationId: registration!.id, followedUpOn: '2024-01-10', faceToFace: true },
        { ...src('f2'), registrationId: registration!.id, followedUpOn: '2024-04-10', faceToFace: true },
      ]);
      await db.insert(referrals).values({
        ...src('rf1'),
        residentId: ids.r1!,
        direction: 'up',
        referredOn: '2023-03-01',
        status: 'completed',
      });
      await db
        .insert(healthCheckups)
        .values({ ...src('hc1'), residentId: ids.r1!, programme: 'elderly', checkedOn: '2023-06-01' });
      await db.insert(immunizations).values({
        ...src('im1'),
        residentId: ids.r1!,
        vaccineCode: 'HepB',
        doseNumber: 1,
        vaccinatedOn: '2023-01-01',
      });
      await db.insert(immunizationDueDoses).values([
        { countyCode: county, residentId: ids.r1!, vaccineCode: 'HepB', doseNumber: 2, dueOn: '2023-02-01' },
        { countyCode: county, residentId: ids.r1!, vaccineCode: 'PPV23', doseNumber: 1, dueOn: '2023-03-01' },
        { countyCode: county, residentId: ids.r2!, vaccineCode: 'HepB', doseNumber: 2, dueOn: '2023-02-15' },
      ]);
      await db
        .insert(familyDoctorContracts)
        .values({ ...src('fd1'), residentId: ids.r1!, startOn: '2024-01-01', endOn: '2024-12-31' });
      await db.insert(notifiableDiseaseReports).values({
        ...src('nd1'),
        residentId: ids.r1!,
        diseaseCode: 'A15',
        diseaseName: '肺结核',
        diseaseClass: 'B',
        reportedAt: new Date('2023-05-01T08:00:00Z'),
      });
      await db
        .insert(liveBirths)
        .values({ ...src('lb1'), childResidentId: ids.r1!, birthDate: '1955-03-08', sex: 'male' });
      await db
        .insert(residentIdentifiers)
        .values({ countyCode: county, system: 'source:his', value: 'P001', residentId: ids.r1! });
      await db.insert(healthRecords).values([
        {
          countyCode: county,
          residentId: ids.r1!,
          recordNumber: 'HR-1',
          createdOn: '2015-01-01',
          lastServiceOn: '2023-05-01',
          hasIdNumber: true,
        },
        {
          countyCode: county,
          residentId: ids.r2!,
          createdOn: '2018-01-01',
          lastServiceOn: '2024-02-01',
          hasPhone: true,
        },
      ]);
      await db.insert(deaths).values([
        { ...src('d1'), residentId: ids.r1!, deathDate: '2024-09-01', sex: 'male', ageYears: 69 },
        { ...src('d2'), residentId: ids.r2!, deathDate: '2024-09-01', sex: 'male', ageYears: 69 },
      ]);
      // r1–r3 was reviewed as two people: after the merge r2–r3 (pending) must become rejected too.
      await rejectCandidate(db, county, ids.r1!, ids.r3!, { actor: 'test' });
    }

    it('moves every record of the merged resident to the survivor and fills its ID number', async () => {
      await seedRecords();
      const none = Object.fromEntries(
        RESIDENT_REFERENCES.filter((r) => r.label !== 'candidates').map((r) => [r.label, 0]),
      );
      const mergedBefore = {
        ...none,
        identifiers: 1,
        merged_residents: 1,
        health_records: 1,
        encounters: 2,
        referrals: 1,
        chronic_disease_registrations: 1,
        health_checkups: 1,
        live_births_child: 1,
        immunizations: 1,
        immunization_due_doses: 2,
        family_doctor_contracts: 1,
        notifiable_disease_reports: 1,
        deaths: 1,
      };
      expect(await counts(ids.r1!)).toEqual(mergedBefore);
      expect(await counts(ids.r2!)).toEqual({
        ...none,
        health_records: 1,
        encounters: 1,
        immunization_due_doses: 1,
        deaths: 1,
      });
      expect(await followUpsOf(ids.r1!)).toBe(2);

      const result = await mergeResidents(db, county, ids.r2!, ids.r1!, {
        reason: '同一人，身份证核实',
        actor: 'reviewer',
      });

      expect(result.rule).toBe('demographics');
      expect(result.filled.sort()).toEqual(['address', 'residentIdNumber']);
      expect(result.moved).toMatchObject({
        identifiers: 1,
        merged_residents: 1,
        candidates: 1,
        health_records: 0,
        encounters: 2,
        referrals: 1,
        chronic_disease_registrations: 1,
        health_checkups: 1,
        live_births_child: 1,
        immunizations: 1,
        immunization_due_doses: 1,
        family_doctor_contracts: 1,
        notifiable_disease_reports: 1,
        deaths: 0,
      });
      expect(result.dropped.map((d) => [d.table, d.key])).toEqual([
        ['health_records', expect.any(String)],
        ['immunization_due_doses', 'HepB/2'],
        ['deaths', expect.any(String)],
      ]);

      expect(await counts(ids.r1!)).toEqual(none);
      // One health record and one death kept; HepB/2 was due for both; r1 itself now merged into r2.
      expect(await counts(ids.r2!)).toEqual({ ...mergedBefore, encounters: 3, merged_residents: 2 });
      expect(await followUpsOf(ids.r2!)).toBe(2);

      const [merged, survivor, chained] = await Promise.all(
        [ids.r1!, ids.r2!, ids.r17!].map(async (id) => {
          const [row] = await db
            .select()
            .from(residents)
            .where(and(eq(residents.countyCode, county), eq(residents.id, id)));
          return row!;
        }),
      );
      expect(survivor).toMatchObject({
        residentIdNumber: idA,
        phone: '13812345678',
        address: '金沙街道1号',
        mergedIntoId: null,
      });
      expect(merged).toMatchObject({ residentIdNumber: null, mergedIntoId: ids.r2 });
      expect(chained!.mergedIntoId).toBe(ids.r2);

      const [record] = await db
        .select()
        .from(healthRecords)
        .where(and(eq(healthRecords.countyCode, county), eq(healthRecords.residentId, ids.r2!)));
      expect(record).toMatchObject({
        recordNumber: 'HR-1',
        createdOn: '2015-01-01',
        lastServiceOn: '2024-02-01',
        hasIdNumber: true,
        hasPhone: true,
      });
      const [death] = await db
        .select()
        .from(deaths)
        .where(and(eq(deaths.countyCode, county), eq(deaths.residentId, ids.r2!)));
      expect(death?.sourceId).toBe('d2');

      const pairs = await storedPairs(db, ids);
      expect(pairs).toContainEqual(['r1', 'r2', 'demographics', 'merged']);
      expect(pairs).toContainEqual(['r2', 'r3', 'demographics-town', 'rejected']);
      expect(pairs.filter((p) => p.includes('r1') && p[3] !== 'merged')).toEqual([]);
      expect(await findDuplicateCandidates(db, county)).toBe(0);
    });

    it('refuses forbidden merges with a clear error and changes nothing', async () => {
      const opts = { reason: 'test', actor: 'test' };
      const refused = (survivor: number, merged: number, reason = 'test') =>
        expect(mergeResidents(db, county, survivor, merged, { ...opts, reason })).rejects;
      await refused(ids.r2!, ids.r2!).toMatchObject({ code: 'mpi.merge-self' });
      await refused(ids.r2!, ids.r1!).toMatchObject({ code: 'mpi.already-merged', status: 409 });
      await refused(ids.r1!, ids.r3!).toMatchObject({ code: 'mpi.already-merged' });
      await refused(ids.r2!, ids.r20!).toMatchObject({
        code: 'mpi.other-county',
        message: expect.stringContaining(otherCounty),
      });
      await refused(ids.r7!, ids.r8!).toMatchObject({
        code: 'mpi.different-id-numbers',
        message: expect.stringContaining('3206**********'),
      });
      await refused(ids.r2!, 999_999).toMatchObject({ code: 'mpi.resident-not-found', status: 404 });
      await refused(ids.r3!, ids.r4!, '  ').toMatchObject({ code: 'mpi.reason-required' });
      const untouched = await db
        .select()
        .from(residents)
        .where(inArray(residents.id, [ids.r7!, ids.r8!, ids.r20!]));
      expect(untouched.every((r) => r.mergedIntoId === null)).toBe(true);
      await expect(rejectCandidate(db, county, ids.r1!, ids.r2!, { actor: 'test' })).rejects.toMatchObject({
        code: 'mpi.candidate-merged',
      });
    });

    it('merges a pair no rule proposed, recording it as a manual pair', async () => {
      const result = await mergeResidents(db, county, ids.r13!, ids.r14!, {
        reason: '家属确认',
        actor: 'reviewer',
      });
      expect(result).toMatchObject({ rule: 'manual', filled: [], dropped: [] });
      expect(await storedPairs(db, ids)).toContainEqual(['r13', 'r14', 'manual', 'merged']);
    });
  });
});
