import { and, asc, eq, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import {
  chronicDiseaseFollowUps,
  chronicDiseaseRegistrations,
  childHealthChecks,
  encounterDiagnoses,
  encounters,
  facilities,
  familyDoctorContracts,
  healthCheckups,
  healthRecords,
  immunizations,
  pregnancies,
  prenatalVisits,
  referrals,
} from './schema/index.js';

/*
 * Everything the platform holds about one resident, as dated entries. One query per record table, each on
 * the table's (county_code, resident_id, …) index; the caller has checked the permission and the scope.
 */

/** A facility as a record names it: one of the county's (id and name) or one outside it (name only). */
export interface FacilityRef {
  id: number | null;
  name: string | null;
}

interface Entry<K extends string> {
  kind: K;
  /** YYYY-MM-DD. */
  date: string;
  /** The row id in its table (the pregnancy's id for antenatal visits and deliveries, the resident's for a death). */
  id: number;
  facility: FacilityRef | null;
}

export type TimelineEntry =
  | (Entry<'health-record'> & { lastServiceOn: string | null; closedOn: string | null })
  | (Entry<'encounter'> & {
      class: string;
      endDate: string | null;
      department: string | null;
      diagnoses: { code: string; name: string | null }[];
      totalCost: number | null;
      outOfPocket: number | null;
      lengthOfStay: number | null;
    })
  | (Entry<'chronic-registration'> & { disease: string; closedOn: string | null; closeReason: string | null })
  | (Entry<'follow-up'> & {
      disease: string;
      faceToFace: boolean;
      systolic: number | null;
      diastolic: number | null;
      fastingGlucose: number | null;
      controlled: boolean | null;
    })
  | (Entry<'check-up'> & {
      programme: string;
      lifestyleAssessment: boolean;
      physicalExamination: boolean;
      auxiliaryTests: boolean;
      healthGuidance: boolean;
      formComplete: boolean;
    })
  | (Entry<'immunization'> & { vaccineCode: string; doseNumber: number })
  | (Entry<'contract'> & {
      endOn: string;
      cancelledOn: string | null;
      teamName: string | null;
      priorityGroups: string[];
      renewsContractId: number | null;
    })
  | (Entry<'referral'> & {
      direction: 'up' | 'down';
      status: string;
      receivedOn: string | null;
      toFacility: FacilityRef;
    })
  | (Entry<'pregnancy'> & { registrationWeek: number | null; deliveryDate: string | null })
  | (Entry<'prenatal-visit'> & { gestationalWeek: number | null })
  | (Entry<'delivery'> & {
      hospitalDelivery: boolean | null;
      postpartumVisitOn: string | null;
    })
  | (Entry<'child-check'> & { eyeScreening: boolean })
  | Entry<'death'>;

export type TimelineKind = TimelineEntry['kind'];

/** The order of entries of one day: the record opened before what happened under it, death last. */
export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'health-record',
  'contract',
  'chronic-registration',
  'pregnancy',
  'prenatal-visit',
  'delivery',
  'encounter',
  'referral',
  'follow-up',
  'check-up',
  'child-check',
  'immunization',
  'death',
];

const num = (value: string | null) => (value === null ? null : Number(value));

/** A facility column joined to the county's facilities; `elsewhere` names one outside the county. */
function facilityOf(
  id: number | null,
  name: string | null,
  elsewhere: string | null = null,
): FacilityRef | null {
  if (id === null && elsewhere === null) return null;
  return { id, name: name ?? elsewhere };
}

/** The county's facilities, joined by (county_code, id). */
function facilityJoin(f: { countyCode: AnyColumn; id: AnyColumn }, column: AnyColumn, county: string) {
  return and(eq(f.countyCode, county), eq(f.id, column));
}

export async function residentTimeline(
  db: Db,
  countyCode: string,
  residentId: number,
  deathDate: string | null,
): Promise<TimelineEntry[]> {
  const f = facilities;
  const to = alias(facilities, 'to_facility');
  const entries: TimelineEntry[] = [];

  const records = await db
    .select({ h: healthRecords, facility: f.name })
    .from(healthRecords)
    .leftJoin(f, facilityJoin(f, healthRecords.managingFacilityId, countyCode))
    .where(and(eq(healthRecords.countyCode, countyCode), eq(healthRecords.residentId, residentId)));
  for (const { h, facility } of records) {
    entries.push({
      kind: 'health-record',
      date: h.createdOn,
      id: h.id,
      facility: facilityOf(h.managingFacilityId, facility),
      lastServiceOn: h.lastServiceOn,
      closedOn: h.closedOn,
    });
  }

  const e = encounters;
  const visits = await db
    .select({ e, facility: f.name })
    .from(e)
    .leftJoin(f, facilityJoin(f, e.facilityId, countyCode))
    .where(and(eq(e.countyCode, countyCode), eq(e.residentId, residentId)));
  const diagnoses = await db
    .select({
      encounterId: encounterDiagnoses.encounterId,
      code: encounterDiagnoses.code,
      name: encounterDiagnoses.name,
    })
    .from(encounterDiagnoses)
    .innerJoin(
      e,
      and(eq(e.countyCode, encounterDiagnoses.countyCode), eq(e.id, encounterDiagnoses.encounterId)),
    )
    .where(and(eq(e.countyCode, countyCode), eq(e.residentId, residentId)))
    .orderBy(asc(encounterDiagnoses.encounterId), asc(encounterDiagnoses.position));
  for (const { e: v, facility } of visits) {
    entries.push({
      kind: 'encounter',
      date: v.startDate,
      id: v.id,
      facility: facilityOf(v.facilityId, facility, v.facilityName),
      class: v.class,
      endDate: v.endDate,
      department: v.department,
      diagnoses: diagnoses.filter((d) => d.encounterId === v.id).map(({ code, name }) => ({ code, name })),
      totalCost: num(v.totalCost),
      outOfPocket: num(v.outOfPocket),
      lengthOfStay: v.lengthOfStay,
    });
  }

  const reg = chronicDiseaseRegistrations;
  const registrations = await db
    .select({ reg, facility: f.name })
    .from(reg)
    .leftJoin(f, facilityJoin(f, reg.managingFacilityId, countyCode))
    .where(and(eq(reg.countyCode, countyCode), eq(reg.residentId, residentId)));
  for (const { reg: r, facility } of registrations) {
    entries.push({
      kind: 'chronic-registration',
      date: r.registeredOn,
      id: r.id,
      facility: facilityOf(r.managingFacilityId, facility),
      disease: r.disease,
      closedOn: r.closedOn,
      closeReason: r.closeReason,
    });
  }

  const fu = chronicDiseaseFollowUps;
  const followUps = await db
    .select({ fu, disease: reg.disease, facility: f.name })
    .from(fu)
    .innerJoin(reg, and(eq(reg.countyCode, fu.countyCode), eq(reg.id, fu.registrationId)))
    .leftJoin(f, facilityJoin(f, fu.facilityId, countyCode))
    .where(and(eq(reg.countyCode, countyCode), eq(reg.residentId, residentId)));
  for (const { fu: u, disease, facility } of followUps) {
    entries.push({
      kind: 'follow-up',
      date: u.followedUpOn,
      id: u.id,
      facility: facilityOf(u.facilityId, facility),
      disease,
      faceToFace: u.faceToFace,
      systolic: u.systolic,
      diastolic: u.diastolic,
      fastingGlucose: num(u.fastingGlucose),
      controlled: u.controlled,
    });
  }

  const hc = healthCheckups;
  const checkups = await db
    .select({ hc, facility: f.name })
    .from(hc)
    .leftJoin(f, facilityJoin(f, hc.facilityId, countyCode))
    .where(and(eq(hc.countyCode, countyCode), eq(hc.residentId, residentId)));
  for (const { hc: c, facility } of checkups) {
    entries.push({
      kind: 'check-up',
      date: c.checkedOn,
      id: c.id,
      facility: facilityOf(c.facilityId, facility),
      programme: c.programme,
      lifestyleAssessment: c.lifestyleAssessment,
      physicalExamination: c.physicalExamination,
      auxiliaryTests: c.auxiliaryTests,
      healthGuidance: c.healthGuidance,
      formComplete: c.formComplete,
    });
  }

  const im = immunizations;
  const doses = await db
    .select({ im, facility: f.name })
    .from(im)
    .leftJoin(f, facilityJoin(f, im.facilityId, countyCode))
    .where(and(eq(im.countyCode, countyCode), eq(im.residentId, residentId)));
  for (const { im: d, facility } of doses) {
    entries.push({
      kind: 'immunization',
      date: d.vaccinatedOn,
      id: d.id,
      facility: facilityOf(d.facilityId, facility),
      vaccineCode: d.vaccineCode,
      doseNumber: d.doseNumber,
    });
  }

  const fdc = familyDoctorContracts;
  const contracts = await db
    .select({ fdc, facility: f.name })
    .from(fdc)
    .leftJoin(f, facilityJoin(f, fdc.facilityId, countyCode))
    .where(and(eq(fdc.countyCode, countyCode), eq(fdc.residentId, residentId)));
  for (const { fdc: c, facility } of contracts) {
    entries.push({
      kind: 'contract',
      date: c.startOn,
      id: c.id,
      facility: facilityOf(c.facilityId, facility),
      endOn: c.endOn,
      cancelledOn: c.cancelledOn,
      teamName: c.teamName,
      priorityGroups: c.priorityGroups,
      renewsContractId: c.renewsContractId,
    });
  }

  const rf = referrals;
  const referred = await db
    .select({ rf, from: f.name, to: to.name })
    .from(rf)
    .leftJoin(f, facilityJoin(f, rf.fromFacilityId, countyCode))
    .leftJoin(to, facilityJoin(to, rf.toFacilityId, countyCode))
    .where(and(eq(rf.countyCode, countyCode), eq(rf.residentId, residentId)));
  for (const { rf: r, from, to: toName } of referred) {
    entries.push({
      kind: 'referral',
      date: r.referredOn,
      id: r.id,
      facility: facilityOf(r.fromFacilityId, from),
      direction: r.direction,
      status: r.status,
      receivedOn: r.receivedOn,
      toFacility: { id: r.toFacilityId, name: toName ?? r.toFacilityName },
    });
  }

  const pg = pregnancies;
  const pregnancyRows = await db
    .select({ pg, facility: f.name })
    .from(pg)
    .leftJoin(f, facilityJoin(f, pg.deliveryFacilityId, countyCode))
    .where(and(eq(pg.countyCode, countyCode), eq(pg.residentId, residentId)));
  for (const { pg: p, facility } of pregnancyRows) {
    const registeredOn = p.registeredOn ?? p.deliveryDate;
    if (registeredOn !== null) {
      entries.push({
        kind: 'pregnancy',
        date: registeredOn,
        id: p.id,
        facility: null,
        registrationWeek: p.registrationWeek,
        deliveryDate: p.deliveryDate,
      });
    }
    if (p.deliveryDate !== null) {
      entries.push({
        kind: 'delivery',
        date: p.deliveryDate,
        id: p.id,
        facility: facilityOf(p.deliveryFacilityId, facility),
        hospitalDelivery: p.hospitalDelivery,
        postpartumVisitOn: p.postpartumVisitOn,
      });
    }
  }

  const pv = prenatalVisits;
  const antenatal = await db
    .select({ pv, facility: f.name })
    .from(pv)
    .innerJoin(pg, and(eq(pg.countyCode, pv.countyCode), eq(pg.id, pv.pregnancyId)))
    .leftJoin(f, facilityJoin(f, pv.facilityId, countyCode))
    .where(and(eq(pg.countyCode, countyCode), eq(pg.residentId, residentId)));
  for (const { pv: v, facility } of antenatal) {
    entries.push({
      kind: 'prenatal-visit',
      date: v.visitedOn,
      id: v.pregnancyId,
      facility: facilityOf(v.facilityId, facility),
      gestationalWeek: v.gestationalWeek,
    });
  }

  const cc = childHealthChecks;
  const childChecks = await db
    .select({ cc, facility: f.name })
    .from(cc)
    .leftJoin(f, facilityJoin(f, cc.facilityId, countyCode))
    .where(and(eq(cc.countyCode, countyCode), eq(cc.residentId, residentId)));
  for (const { cc: c, facility } of childChecks) {
    entries.push({
      kind: 'child-check',
      date: c.checkedOn,
      id: c.id,
      facility: facilityOf(c.facilityId, facility),
      eyeScreening: c.eyeScreening,
    });
  }

  if (deathDate !== null) entries.push({ kind: 'death', date: deathDate, id: residentId, facility: null });
  return sortTimeline(entries);
}

/** Newest first; on one day in the order of TIMELINE_KINDS, then by id. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  const rank = (kind: TimelineKind) => TIMELINE_KINDS.indexOf(kind);
  return entries.sort((a, b) => b.date.localeCompare(a.date) || rank(a.kind) - rank(b.kind) || a.id - b.id);
}
