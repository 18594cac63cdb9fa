import type { Resource } from '@medplum/fhirtypes';
import { rowIdOf, searchStore } from '../../fhir/store/rest-search.js';
import { PATIENT_ELEMENT } from '../../fhir/store/rest-tables.js';
import type { Sql } from '../../fhir/store/sql.js';
import type { FhirScope } from './context.js';

/*
 * `_include` and `_revinclude` (R4 search §3.1.1.5.4) for the pairs the platform's clients use: a record
 * and its Patient, both ways. Included resources are read with the caller's scope like any other.
 */

export interface IncludePair {
  /** The type that holds the reference. */
  from: string;
  /** Its search parameter naming the reference. */
  param: 'patient' | 'subject';
  to: 'Patient';
}

export const INCLUDES: IncludePair[] = Object.entries(PATIENT_ELEMENT).flatMap(([from, element]) => [
  { from, param: 'patient' as const, to: 'Patient' as const },
  ...(element === 'subject' ? [{ from, param: 'subject' as const, to: 'Patient' as const }] : []),
]);
export const REVINCLUDES = INCLUDES;

/** At most this many resources are revincluded per page (the rest are found by searching with patient=). */
export const REVINCLUDE_LIMIT = 1000;

const pairOf = (value: string): IncludePair | undefined => {
  const [from, param, target] = value.split(':');
  return INCLUDES.find(
    (p) => p.from === from && p.param === param && (target === undefined || target === p.to),
  );
};

export function parseIncludes(type: string, include: string[], revinclude: string[]) {
  const unknown: string[] = [];
  const inc = include.flatMap((v) => {
    const pair = pairOf(v);
    if (!pair || pair.from !== type) return (unknown.push(`_include=${v}`), []);
    return [pair];
  });
  const rev = revinclude.flatMap((v) => {
    const pair = pairOf(v);
    if (!pair || pair.to !== type) return (unknown.push(`_revinclude=${v}`), []);
    return [pair];
  });
  return { inc, rev, unknown };
}

const chunk = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export async function included(
  sql: Sql,
  scope: FhirScope,
  matches: Resource[],
  inc: IncludePair[],
  rev: IncludePair[],
): Promise<Resource[]> {
  const out: Resource[] = [];
  if (inc.length) {
    const ids = new Set<number>();
    for (const r of matches) {
      const ref = (r as unknown as Record<string, { reference?: string } | undefined>)[
        PATIENT_ELEMENT[r.resourceType]!
      ];
      const id = ref?.reference ? rowIdOf('Patient', ref.reference) : null;
      if (id !== null) ids.add(id);
    }
    for (const part of chunk([...ids], 500)) {
      const page = await searchStore(sql, scope.county, {
        type: 'Patient',
        params: [['_id', part.join(',')]],
        count: part.length,
        within: scope.within,
        strict: true,
      });
      out.push(...page.resources);
    }
  }
  const patients = matches.filter((r) => r.resourceType === 'Patient').map((r) => r.id!);
  for (const pair of rev) {
    if (!patients.length) break;
    const page = await searchStore(sql, scope.county, {
      type: pair.from,
      params: [[pair.param, patients.join(',')]],
      count: REVINCLUDE_LIMIT,
      within: scope.within,
      strict: true,
    });
    out.push(...page.resources);
  }
  // One resource once, even when two pairs reach it.
  return [...new Map(out.map((r) => [`${r.resourceType}/${r.id}`, r])).values()];
}
