import { and, eq, inArray } from 'drizzle-orm';
import { WeijianError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import {
  findDuplicateCandidates,
  listCandidates,
  mergeResidents,
  rejectCandidate,
  type CandidateQuery,
} from '../store/mpi.js';
import { isServedBy } from '../store/facility-patients.js';
import { residents } from '../store/schema/index.js';
import { authorize, type Principal } from './principal.js';
import { covers, residentInScope, residentsWithin } from './scope.js';

/*
 * Every read and write of residents by the API and the CLI goes through here: the permission is checked and
 * the query is built with the caller's scope (a test keeps api/ and cli/ from calling store/mpi directly).
 * A resident or county out of scope answers like one that does not exist (404), so existence does not leak.
 */

export const notFound = (county: string, id?: number) =>
  new WeijianError(
    'mpi.resident-not-found',
    id === undefined ? `no residents of county ${county}` : `no resident ${id} in county ${county}`,
    {},
    404,
  );

/** The whole county must be in scope (county-wide runs, imports, exports): 404 outside it, 403 when only part. */
export function requireCounty(principal: Principal, county: string): void {
  if (covers(principal.scope, county)) return;
  if (!residentsWithin(principal.scope, county)) throw notFound(county);
  throw new WeijianError(
    'access.scope-too-narrow',
    `county ${county} is wider than your data scope ${principal.scope.regionCode}`,
    {},
    403,
  );
}

/**
 * Whether the caller may see this resident's record: living in their regions and, for a facility scope, a
 * patient of the facility.
 */
export async function canSeeResident(
  db: Db,
  principal: Principal,
  county: string,
  resident: { id: number; villageCode: string | null },
): Promise<boolean> {
  const { scope } = principal;
  if (!residentInScope(scope, county, resident.villageCode)) return false;
  return scope.facilityId === null || isServedBy(db, county, resident.id, scope.facilityId);
}

async function requireResidents(db: Db, principal: Principal, county: string, ids: number[]): Promise<void> {
  const rows = await db
    .select({ id: residents.id, village: residents.residenceVillageCode })
    .from(residents)
    .where(and(eq(residents.countyCode, county), inArray(residents.id, ids)));
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row || !(await canSeeResident(db, principal, county, { id, villageCode: row.village })))
      throw notFound(county, id);
  }
}

export function scopedCandidates(
  db: Db,
  principal: Principal,
  county: string,
  query: Omit<CandidateQuery, 'within'>,
) {
  authorize(principal, 'records:read');
  const seen = residentsWithin(principal.scope, county);
  if (!seen) throw notFound(county);
  return listCandidates(db, county, { ...query, within: seen.within, facilityId: seen.facilityId });
}

export function scopedFindDuplicates(db: Db, principal: Principal, county: string) {
  authorize(principal, 'records:write');
  requireCounty(principal, county);
  return findDuplicateCandidates(db, county);
}

export async function scopedMerge(
  db: Db,
  principal: Principal,
  county: string,
  survivorId: number,
  mergedId: number,
  reason: string,
) {
  authorize(principal, 'records:write');
  await requireResidents(db, principal, county, [survivorId, mergedId]);
  return mergeResidents(db, county, survivorId, mergedId, { reason, actor: principal.actor });
}

export async function scopedReject(db: Db, principal: Principal, county: string, a: number, b: number) {
  authorize(principal, 'records:write');
  await requireResidents(db, principal, county, [a, b]);
  return rejectCandidate(db, county, a, b, { actor: principal.actor });
}

export interface RevealedResident {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

/** The full identifiers of one resident: the caller audits it with the reason. */
export async function revealResident(
  db: Db,
  principal: Principal,
  county: string,
  id: number,
): Promise<RevealedResident> {
  authorize(principal, 'residents:reveal');
  const [row] = await db
    .select()
    .from(residents)
    .where(and(eq(residents.countyCode, county), eq(residents.id, id)));
  if (!row || !(await canSeeResident(db, principal, county, { id, villageCode: row.residenceVillageCode })))
    throw notFound(county, id);
  return {
    id: row.id,
    name: row.name,
    idNumber: row.residentIdNumber,
    phone: row.phone,
    address: row.address,
  };
}

/**
 * An import or export names its county: a user scoped to a region must name one their scope covers; only
 * a user of every region may leave it to the database (its only county).
 */
export function requireCountyOf(principal: Principal, county: string | undefined): void {
  if (county !== undefined) return requireCounty(principal, county);
  if (principal.scope.regionCode !== null) {
    throw new WeijianError('access.county-required', 'name the county (your data scope is one region)', {
      field: 'county',
    });
  }
}
