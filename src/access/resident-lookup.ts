import { WeijianError } from '../domain/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/identity/mask.js';
import { parseResidentQuery, queryFields } from '../domain/identity/resident-query.js';
import type { Db } from '../store/db.js';
import { findResident, searchResidents, type LocatedResident } from '../store/resident-lookup.js';
import { residentTimeline, type TimelineEntry } from '../store/resident-timeline.js';
import type { AuditEvent } from './audit.js';
import { authorize, type Principal } from './principal.js';
import { canSeeResident, notFound } from './residents.js';
import { residentsWithin } from './scope.js';

/*
 * Resident lookup for authorised staff, shared by the API and the CLI: search, one resident, their
 * timeline. The permission is checked and the query built with the caller's scope here; everything
 * answered is masked (the full values only through the audited reveal). Each use case comes with the audit
 * event it must be recorded with, so the API and the CLI write the same row.
 */

export const LOOKUP_ACTIONS = {
  search: 'residents.search',
  read: 'residents.read',
  timeline: 'residents.timeline',
} as const;

export interface ResidentSummary {
  county: string;
  id: number;
  /** Masked: `张*`. */
  name: string;
  sex: string;
  birthDate: string | null;
  /** Masked: `3206**********1234`. */
  idNumber: string | null;
  /** Masked: `138****5678`. */
  phone: string | null;
  village: { code: string; name: string } | null;
  town: { code: string; name: string } | null;
  deathDate: string | null;
}

export interface ResidentDetail extends ResidentSummary {
  /** 常住 and 户籍 in the county. */
  resident: boolean;
  registered: boolean;
  /** Set on a duplicate merged away: its records are the survivor's now. */
  mergedIntoId: number | null;
  hasAddress: boolean;
}

export interface SearchRequest {
  q?: string;
  /** 9-digit town code (or its 12-digit statistical code). */
  town?: string;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  county: string;
  total: number;
  page: number;
  pageSize: number;
  /** The fields the search box was read as (name, platform-id, id-number, id-number-suffix, phone, all). */
  match: string[];
  residents: ResidentSummary[];
}

const today = () => new Date().toISOString().slice(0, 10);

function summaryOf(county: string, { row, village, town }: LocatedResident): ResidentSummary {
  return {
    county,
    id: row.id,
    name: maskName(row.name),
    sex: row.sex,
    birthDate: row.birthDate,
    idNumber: row.residentIdNumber && maskIdNumber(row.residentIdNumber),
    phone: row.phone && maskPhone(row.phone),
    village,
    town,
    deathDate: row.deathDate,
  };
}

/** The town filter as a 9-digit prefix of village codes; it must lie in the county. */
function townPrefix(county: string, town: string | undefined): string | null {
  if (town === undefined || town === '') return null;
  const prefix = /^\d{12}$/.test(town) && town.endsWith('000') ? town.slice(0, 9) : town;
  if (!/^\d{9}$/.test(prefix) || !prefix.startsWith(county)) {
    throw new WeijianError(
      'residents.invalid-town',
      `town must be a 9-digit town code of county ${county}, got "${town}"`,
      { field: 'town' },
    );
  }
  return prefix;
}

/** The narrower of the scope's prefix and the town asked for; false when they do not meet. */
function narrowest(scope: string | null, town: string | null): string | null | false {
  if (scope === null) return town;
  if (town === null || scope.startsWith(town)) return scope;
  return town.startsWith(scope) ? town : false;
}

/**
 * Residents of `county` in the caller's scope matching the search box, one page, masked. A county the
 * scope does not reach answers 404 (as if it had no residents); a town outside the scope finds no one.
 */
export async function searchResidentsInScope(
  db: Db,
  principal: Principal,
  county: string,
  request: SearchRequest,
): Promise<SearchResult> {
  authorize(principal, 'records:read');
  const seen = residentsWithin(principal.scope, county);
  if (!seen) throw notFound(county);
  const query = parseResidentQuery(request.q, today());
  const within = narrowest(seen.within, townPrefix(county, request.town));
  const { page, pageSize } = request;
  const head = { county, page, pageSize, match: queryFields(query) };
  if (within === false) return { ...head, total: 0, residents: [] };
  const found = await searchResidents(db, county, {
    query,
    within,
    facilityId: seen.facilityId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { ...head, total: found.total, residents: found.residents.map((r) => summaryOf(county, r)) };
}

async function residentInScopeOr404(db: Db, principal: Principal, county: string, id: number) {
  authorize(principal, 'records:read');
  const found = await findResident(db, county, id);
  const villageCode = found?.row.residenceVillageCode ?? null;
  if (!found || !(await canSeeResident(db, principal, county, { id, villageCode })))
    throw notFound(county, id);
  return found;
}

/** One resident, masked; out of scope answers exactly like a resident that does not exist (404). */
export async function readResident(
  db: Db,
  principal: Principal,
  county: string,
  id: number,
): Promise<ResidentDetail> {
  const found = await residentInScopeOr404(db, principal, county, id);
  return {
    ...summaryOf(county, found),
    resident: found.row.resident,
    registered: found.row.registered,
    mergedIntoId: found.row.mergedIntoId,
    hasAddress: found.row.address !== null,
  };
}

export interface ResidentTimeline {
  county: string;
  residentId: number;
  entries: TimelineEntry[];
}

/** Everything recorded about one resident in scope, newest first. */
export async function readTimeline(
  db: Db,
  principal: Principal,
  county: string,
  id: number,
): Promise<ResidentTimeline> {
  const found = await residentInScopeOr404(db, principal, county, id);
  const entries = await residentTimeline(db, county, id, found.row.deathDate);
  return { county, residentId: id, entries };
}

/*
 * The audit rows. No name, ID number, phone or search text: the fields searched and the ids shown say what
 * was seen; who saw it is the actor.
 */
type LookupEvent = Omit<AuditEvent, 'action'>;

export const searchEvent = (county: string, result?: SearchResult): LookupEvent => ({
  resourceType: 'resident',
  countyCode: county,
  ...(result && {
    details: {
      match: result.match,
      total: result.total,
      page: result.page,
      residentIds: result.residents.map((r) => r.id),
    },
  }),
});

export const residentEvent = (county: string, id: number, timeline?: ResidentTimeline): LookupEvent => ({
  resourceType: 'resident',
  resourceId: String(id),
  countyCode: county,
  ...(timeline && { details: { entries: timeline.entries.length } }),
});
