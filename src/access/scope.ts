import { WeijianError } from '../domain/errors.js';
import { codePrefix, isWithin } from '../domain/region/code.js';

/**
 * A user's data scope: the region subtree (6-digit county — or a city/province — 9-digit town, 12-digit
 * village) whose residents they may see, and optionally their facility. `regionCode` null = every region.
 */
export interface Scope {
  regionCode: string | null;
  facilityId: number | null;
}

export const ALL_REGIONS: Scope = { regionCode: null, facilityId: null };

/** Accepts the forms a scope is written in and refuses anything `isWithin` could not compare. */
export function parseScope(regionCode: string | null | undefined, facilityId?: number | null): Scope {
  if (regionCode && (!/^(\d{6}|\d{9}|\d{12})$/.test(regionCode) || codePrefix(regionCode) === null)) {
    throw new WeijianError('access.invalid-scope', `not a 6-, 9- or 12-digit region code: "${regionCode}"`);
  }
  if (facilityId != null && !regionCode) {
    throw new WeijianError(
      'access.invalid-scope',
      'a facility scope needs the region (county) of the facility',
    );
  }
  return { regionCode: regionCode || null, facilityId: facilityId ?? null };
}

/** The whole of `region` is in scope. */
export function covers(scope: Scope, region: string): boolean {
  return scope.regionCode === null || isWithin(region, scope.regionCode);
}

/** Some of `region` is in scope. */
export function overlaps(scope: Scope, region: string): boolean {
  return covers(scope, region) || isWithin(scope.regionCode!, region);
}

/**
 * The residents of `county` the scope may see: every one (`within` null) or those whose village code starts
 * with `within` (the scope's 9- or 12-digit prefix), and of those, with a facility scope, only the
 * facility's patients (`facilityId`; store/facility-patients.ts says who they are). Null when the scope and
 * the county do not meet. Residents without a village in the county (patients from elsewhere) are only
 * seen county-wide.
 */
export function residentsWithin(
  scope: Scope,
  county: string,
): { county: string; within: string | null; facilityId: number | null } | null {
  const { facilityId } = scope;
  if (covers(scope, county)) return { county, within: null, facilityId };
  if (!overlaps(scope, county)) return null;
  return { county, within: codePrefix(scope.regionCode!), facilityId };
}

/**
 * Whether a resident living in `villageCode` (12 digits, or null) of `county` is in the scope's regions; a
 * facility scope also needs the resident to be the facility's patient (`canSeeResident` checks both).
 */
export function residentInScope(scope: Scope, county: string, villageCode: string | null): boolean {
  const seen = residentsWithin(scope, county);
  if (!seen) return false;
  return seen.within === null || (villageCode?.startsWith(seen.within) ?? false);
}
