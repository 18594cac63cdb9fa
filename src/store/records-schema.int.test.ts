import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../domain/identity/resident-id.js';
import { backends } from '../testing/databases.js';
import type { Database } from './db.js';
import {
  chronicDiseaseFollowUps,
  chronicDiseaseRegistrations,
  encounterDiagnoses,
  encounters,
  facilities,
  healthCheckups,
  regions,
  residents,
} from './schema/index.js';

const county = '320612';
const village = '320612100201';

/** The SQLSTATE of a refused statement (drizzle wraps the driver's error in `cause`). */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    let e: unknown = error;
    while (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      e = e.cause;
    }
    throw error;
  }
  return undefined;
}

describe.each(backends)('records schema on $name', (backend) => {
  let database: Database;
  let residentId: number;
  let facilityId: number;
  beforeAll(async () => {
    database = await backend.open();
    const { db } = database;
    await db.insert(regions).values([
      { countyCode: county, code: '320612000000', level: 'county', name: '通州区' },
      {
        countyCode: county,
        code: '320612100000',
        parentCode: '320612000000',
        level: 'town',
        name: '金沙街道',
      },
      { countyCode: county, code: village, parentCode: '320612100000', level: 'village', name: '示例社区' },
    ]);
    [{ id: facilityId }] = (await db
      .insert(facilities)
      .values({
        countyCode: county,
        code: 'PDY00001X32061217A1001',
        name: '金沙街道社区卫生服务中心',
        type: 'community_health_centre',
        ownership: 'public',
        primaryCare: true,
        regionCode: village,
      })
      .returning({ id: facilities.id })) as [{ id: number }];
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores a resident with an encounter and a follow-up and reads them back', async () => {
    const { db } = database;
    [{ id: residentId }] = (await db
      .insert(residents)
      .values({
        countyCode: county,
        residentIdNumber: makeResidentId(county, '1955-03-08', 123),
        name: '张三',
        sex: 'male',
        birthDate: '1955-03-08',
        residenceVillageCode: village,
        residenceCountyCode: county,
        resident: true,
        registered: true,
        phone: '13812345678',
      })
      .returning({ id: residents.id })) as [{ id: number }];

    const [encounter] = await db
      .insert(encounters)
      .values({
        countyCode: county,
        sourceSystem: 'his:test',
        sourceId: 'MZ-0001',
        residentId,
        patientCountyCode: county,
        facilityId,
        facilityCountyCode: county,
        class: 'outpatient',
        startDate: '2024-05-06',
        primaryDiagnosisCode: 'I10',
        totalCost: '156.30',
        outOfPocket: '48.90',
      })
      .returning({ id: encounters.id });
    await db.insert(encounterDiagnoses).values([
      { countyCode: county, encounterId: encounter!.id, position: 1, code: 'I10', name: '原发性高血压' },
      { countyCode: county, encounterId: encounter!.id, position: 2, code: 'E11.9' },
    ]);
    const [registration] = await db
      .insert(chronicDiseaseRegistrations)
      .values({
        countyCode: county,
        sourceSystem: 'bphs',
        sourceId: 'GXY-1',
        residentId,
        disease: 'hypertension',
        managingFacilityId: facilityId,
        registeredOn: '2021-02-01',
      })
      .returning({ id: chronicDiseaseRegistrations.id });
    await db.insert(chronicDiseaseFollowUps).values({
      countyCode: county,
      sourceSystem: 'bphs',
      sourceId: 'SF-1',
      registrationId: registration!.id,
      followedUpOn: '2024-05-06',
      faceToFace: true,
      systolic: 138,
      diastolic: 86,
      fastingGlucose: '6.4',
      controlled: true,
    });

    const rows = await db
      .select({
        name: residents.name,
        idNumber: residents.residentIdNumber,
        birthDate: residents.birthDate,
        startDate: encounters.startDate,
        totalCost: encounters.totalCost,
        facility: facilities.name,
        followedUpOn: chronicDiseaseFollowUps.followedUpOn,
        systolic: chronicDiseaseFollowUps.systolic,
        glucose: chronicDiseaseFollowUps.fastingGlucose,
      })
      .from(residents)
      .innerJoin(
        encounters,
        and(eq(encounters.countyCode, residents.countyCode), eq(encounters.residentId, residents.id)),
      )
      .innerJoin(
        facilities,
        and(eq(facilities.countyCode, encounters.countyCode), eq(facilities.id, encounters.facilityId)),
      )
      .innerJoin(
        chronicDiseaseRegistrations,
        and(
          eq(chronicDiseaseRegistrations.countyCode, residents.countyCode),
          eq(chronicDiseaseRegistrations.residentId, residents.id),
        ),
      )
      .innerJoin(
        chronicDiseaseFollowUps,
        and(
          eq(chronicDiseaseFollowUps.countyCode, chronicDiseaseRegistrations.countyCode),
          eq(chronicDiseaseFollowUps.registrationId, chronicDiseaseRegistrations.id),
        ),
      )
      .where(and(eq(residents.countyCode, county), eq(residents.id, residentId)));
    // Check digit by hand: 3·7+2·9+0·10+6·5+1·8+2·4+1·2+9·1+5·6+5·3+0·7+3·9+0·10+8·5+1·8+2·4+3·2 = 230,
    // 230 mod 11 = 10 → 2.
    expect(rows).toEqual([
      {
        name: '张三',
        idNumber: '320612195503081232',
        birthDate: '1955-03-08',
        startDate: '2024-05-06',
        totalCost: '156.30',
        facility: '金沙街道社区卫生服务中心',
        followedUpOn: '2024-05-06',
        systolic: 138,
        glucose: '6.4',
      },
    ]);
    const diagnoses = await db
      .select({ code: encounterDiagnoses.code })
      .from(encounterDiagnoses)
      .where(eq(encounterDiagnoses.encounterId, encounter!.id))
      .orderBy(encounterDiagnoses.position);
    expect(diagnoses.map((d) => d.code)).toEqual(['I10', 'E11.9']);
  });

  it('re-importing an encounter by its natural key updates it in place', async () => {
    const { db } = database;
    const again = {
      countyCode: county,
      sourceSystem: 'his:test',
      sourceId: 'MZ-0001',
      residentId,
      facilityId,
      facilityCountyCode: county,
      class: 'outpatient' as const,
      startDate: '2024-05-06',
      totalCost: '160.00',
    };
    await db
      .insert(encounters)
      .values(again)
      .onConflictDoUpdate({
        target: [encounters.countyCode, encounters.sourceSystem, encounters.sourceId],
        set: { totalCost: sql`excluded.total_cost` },
      });
    const rows = await db.select({ totalCost: encounters.totalCost }).from(encounters);
    expect(rows).toEqual([{ totalCost: '160.00' }]);
  });

  it('keeps a resident ID number unique within a county, not across counties', async () => {
    const { db } = database;
    const duplicate = {
      residentIdNumber: '320612195503081232',
      name: '张三',
      sex: 'male' as const,
      resident: true,
      registered: true,
    };
    expect(await sqlState(db.insert(residents).values({ countyCode: county, ...duplicate }))).toBe('23505');
    // The same person known to a neighbouring county's platform is a separate row there.
    expect(
      await sqlState(db.insert(residents).values({ countyCode: '320623', ...duplicate })),
    ).toBeUndefined();
    // Residents without an ID number do not collide.
    const anonymous = {
      countyCode: county,
      name: '无名氏',
      sex: 'unknown' as const,
      resident: false,
      registered: false,
    };
    expect(await sqlState(db.insert(residents).values([anonymous, anonymous]))).toBeUndefined();
  });

  it('refuses records that point at a missing row or another county', async () => {
    const { db } = database;
    const orphan = {
      countyCode: county,
      sourceSystem: 'his:test',
      sourceId: 'MZ-404',
      residentId: 999_999,
      facilityId,
      facilityCountyCode: county,
      class: 'inpatient' as const,
      startDate: '2024-06-01',
    };
    expect(await sqlState(db.insert(encounters).values(orphan))).toBe('23503');
    // The resident exists, but in county 320612: a row of 320623 cannot point at it.
    expect(
      await sqlState(
        db.insert(encounters).values({
          ...orphan,
          countyCode: '320623',
          residentId,
          facilityId: null,
          facilityCountyCode: '320612',
          facilityName: '外县医院',
        }),
      ),
    ).toBe('23503');
    expect(
      await sqlState(db.insert(encounters).values({ ...orphan, residentId, endDate: '2024-05-01' })),
    ).toBe('23514');
  });

  it('links a record to the encounter it was made in and refuses an encounter that does not exist', async () => {
    const { db } = database;
    const [visit] = await db
      .select({ id: encounters.id })
      .from(encounters)
      .where(and(eq(encounters.countyCode, county), eq(encounters.sourceId, 'MZ-0001')));
    const checkup = (sourceId: string, countyCode: string, encounterId: number | null) =>
      db.insert(healthCheckups).values({
        countyCode,
        sourceSystem: 'bphs',
        sourceId,
        residentId,
        programme: 'elderly',
        checkedOn: '2024-05-06',
        encounterId,
      });
    expect(await sqlState(checkup('TJ-1', county, visit!.id))).toBeUndefined();
    expect(await sqlState(checkup('TJ-2', county, null))).toBeUndefined();
    expect(await sqlState(checkup('TJ-3', county, 999_999))).toBe('23503');
    const linked = await db
      .select({ sourceId: healthCheckups.sourceId })
      .from(healthCheckups)
      .where(and(eq(healthCheckups.countyCode, county), eq(healthCheckups.encounterId, visit!.id)));
    expect(linked).toEqual([{ sourceId: 'TJ-1' }]);
    // The follow-up of the first test names no encounter; a follow-up may name one too.
    const [followUp] = await db
      .update(chronicDiseaseFollowUps)
      .set({ encounterId: visit!.id })
      .where(eq(chronicDiseaseFollowUps.sourceId, 'SF-1'))
      .returning({ encounterId: chronicDiseaseFollowUps.encounterId });
    expect(followUp).toEqual({ encounterId: visit!.id });
  });
});
