import { and, asc, eq } from 'drizzle-orm';
import type { TabularRecords } from '../../ingest/tabular/kinds.js';
import type { Db } from '../../store/db.js';
import {
  childcarePlaces,
  facilities,
  facilityBeds,
  population,
  regions,
  staff,
} from '../../store/schema/index.js';

export type CountyRecords = { [K in keyof TabularRecords]: TabularRecords[K][] };

/** A county's aggregate data as sheet records, each kind in the order of its natural key. */
export async function readCountyRecords(db: Db, county: string): Promise<CountyRecords> {
  const facilityCode = facilities.code;
  return {
    regions: await db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
        urbanRuralCode: regions.urbanRuralCode,
      })
      .from(regions)
      .where(eq(regions.countyCode, county))
      .orderBy(asc(regions.code)),
    facilities: await db
      .select({
        code: facilities.code,
        name: facilities.name,
        type: facilities.type,
        ownership: facilities.ownership,
        gradeLevel: facilities.gradeLevel,
        gradeClass: facilities.gradeClass,
        primaryCare: facilities.primaryCare,
        regionCode: facilities.regionCode,
        geriatricsDepartment: facilities.geriatricsDepartment,
        tcmServices: facilities.tcmServices,
        openedOn: facilities.openedOn,
        closedOn: facilities.closedOn,
      })
      .from(facilities)
      .where(eq(facilities.countyCode, county))
      .orderBy(asc(facilities.code)),
    beds: await db
      .select({
        facilityCode,
        year: facilityBeds.year,
        beds: facilityBeds.beds,
        approvedBeds: facilityBeds.approvedBeds,
      })
      .from(facilityBeds)
      .innerJoin(
        facilities,
        and(eq(facilities.countyCode, facilityBeds.countyCode), eq(facilities.id, facilityBeds.facilityId)),
      )
      .where(eq(facilityBeds.countyCode, county))
      .orderBy(asc(facilityCode), asc(facilityBeds.year)),
    staff: await db
      .select({
        sourceSystem: staff.sourceSystem,
        sourceId: staff.sourceId,
        facilityCode,
        name: staff.name,
        sex: staff.sex,
        birthDate: staff.birthDate,
        licenceNumber: staff.licenceNumber,
        category: staff.category,
        practiceCategory: staff.practiceCategory,
        gpRegistered: staff.gpRegistered,
        gpCertificate: staff.gpCertificate,
        managementPost: staff.managementPost,
        startedOn: staff.startedOn,
        endedOn: staff.endedOn,
      })
      .from(staff)
      .innerJoin(
        facilities,
        and(eq(facilities.countyCode, staff.countyCode), eq(facilities.id, staff.facilityId)),
      )
      .where(eq(staff.countyCode, county))
      .orderBy(asc(staff.sourceSystem), asc(staff.sourceId)),
    population: await db
      .select({
        regionCode: population.regionCode,
        year: population.year,
        basis: population.basis,
        sex: population.sex,
        ageGroup: population.ageGroup,
        yearEnd: population.yearEnd,
        midYear: population.midYear,
      })
      .from(population)
      .where(eq(population.countyCode, county))
      .orderBy(
        asc(population.regionCode),
        asc(population.year),
        asc(population.basis),
        asc(population.sex),
        asc(population.ageGroup),
      ),
    childcare: await db
      .select({
        regionCode: childcarePlaces.regionCode,
        year: childcarePlaces.year,
        places: childcarePlaces.places,
      })
      .from(childcarePlaces)
      .where(eq(childcarePlaces.countyCode, county))
      .orderBy(asc(childcarePlaces.regionCode), asc(childcarePlaces.year)),
  };
}
