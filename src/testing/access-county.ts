import { makeResidentId } from '../domain/identity/resident-id.js';
import type { Db } from '../store/db.js';
import { facilities, healthRecords, regions, residents } from '../store/schema/index.js';

/**
 * A county with two towns, one village each, and two duplicate pairs — one pair per town — for the access
 * tests: a user of town A must never see anything of town B. Town A's health centre (FACILITY_A) manages
 * the health records of town A's pair; the health station of town A (FACILITY_A2) has no patients, so a
 * user scoped to it sees no one.
 */
export const COUNTY = '320612';
export const TOWN_A = '320612100';
export const TOWN_B = '320612101';
export const VILLAGE_A = '320612100201';
export const VILLAGE_B = '320612101201';
export const FACILITY_A = 1;
export const FACILITY_A2 = 2;

export const PEOPLE = {
  a: { name: '张三丰', idNumber: makeResidentId(COUNTY, '1955-03-08', 123), phone: '13812345678' },
  b: { name: '李四海', idNumber: makeResidentId(COUNTY, '1960-07-01', 456), phone: '13987654321' },
};

/** Every full personal value of the fixture: none may appear in a list, a refusal or a log. */
export const PERSONAL_VALUES = Object.values(PEOPLE).flatMap((p) => [p.name, p.idNumber, p.phone]);

export async function seedAccessCounty(db: Db): Promise<{ a: number[]; b: number[] }> {
  await db.insert(regions).values([
    { countyCode: COUNTY, code: `${COUNTY}000000`, level: 'county', name: '通州区' },
    ...[TOWN_A, TOWN_B].map((town, i) => ({
      countyCode: COUNTY,
      code: `${town}000`,
      parentCode: `${COUNTY}000000`,
      level: 'town' as const,
      name: `镇${i}`,
    })),
    ...[VILLAGE_A, VILLAGE_B].map((village, i) => ({
      countyCode: COUNTY,
      code: village,
      parentCode: `${village.slice(0, 9)}000`,
      level: 'village' as const,
      name: `村${i}`,
    })),
  ]);
  const base = { countyCode: COUNTY, resident: true, registered: true };
  const pair = async (p: (typeof PEOPLE)['a'], village: string, birthDate: string) => {
    const rows = await db
      .insert(residents)
      .values([
        {
          ...base,
          name: p.name,
          sex: 'male',
          birthDate,
          residentIdNumber: p.idNumber,
          residenceVillageCode: village,
        },
        { ...base, name: p.name, sex: 'male', birthDate, phone: p.phone, residenceVillageCode: village },
      ])
      .returning({ id: residents.id });
    return rows.map((r) => r.id);
  };
  const facility = {
    countyCode: COUNTY,
    type: 'township_health_centre' as const,
    ownership: 'public' as const,
  };
  await db.insert(facilities).values([
    { ...facility, id: FACILITY_A, code: 'F-A', name: '镇0卫生院', primaryCare: true, regionCode: VILLAGE_A },
    {
      ...facility,
      id: FACILITY_A2,
      code: 'F-A2',
      name: '镇0卫生站',
      primaryCare: true,
      regionCode: VILLAGE_A,
    },
  ]);
  const a = await pair(PEOPLE.a, VILLAGE_A, '1955-03-08');
  const b = await pair(PEOPLE.b, VILLAGE_B, '1960-07-01');
  await db.insert(healthRecords).values(
    a.map((residentId) => ({
      countyCode: COUNTY,
      residentId,
      managingFacilityId: FACILITY_A,
      createdOn: '2021-01-01',
    })),
  );
  return { a, b };
}
