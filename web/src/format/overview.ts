import type { IndicatorValue } from '../api/indicator-values';
import type { AssessmentStatus, MonitoredRow } from '../api/monitoring-types';
import type { RegionCounty } from '../api/region-tree';
import type { PlanListEntry } from '../api/types';

/**
 * The key figures of the overview, the same for a county and its towns: outcomes, resources and the core
 * public-health services, all computed by the engine at every level (docs/indicators.md).
 */
export const KEY_FIGURES = [
  'life-expectancy',
  'infant-mortality-rate',
  'maternal-mortality-rate',
  'physicians-per-1000',
  'beds-per-1000',
  'hypertension-standardized-management-rate',
  'elderly-health-management-rate',
  'family-doctor-contract-coverage',
] as const;

/** Severity order of the overview's list: what needs attention first; binding rows off track before all. */
const SEVERITY: AssessmentStatus[] = [
  'off-track',
  'at-risk',
  'no-data',
  'on-track',
  'achieved',
  'not-assessable',
];

/** Rows in the order the overview lists them: binding off-track first, then by status, then in plan order. */
export function attentionOrder<
  R extends { position: number; assessment: Pick<MonitoredRow['assessment'], 'status' | 'singledOut'> },
>(rows: readonly R[]): R[] {
  const rank = (r: R) => (r.assessment.singledOut ? -1 : SEVERITY.indexOf(r.assessment.status));
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.position - b.position);
}

export interface RegionChoice {
  /** 12-digit code. */
  code: string;
  name: string;
  level: 'county' | 'town';
  /** The county's 6-digit code (of the town's county for a town). */
  countyCode: string;
  countyName: string;
  /** Whether the records store has the county's regions (and so computed values). */
  onRecord: boolean;
  /** The whole region is in the user's data scope (false: a county of which only some towns are). */
  covered: boolean;
  towns: RegionChoice[];
}

/**
 * The regions the overview offers: the counties on record with their towns (already cut to the user's scope by
 * the API), then the counties that only have a plan, when the user's scope reaches them.
 */
export function regionChoices(
  counties: readonly RegionCounty[],
  plans: readonly PlanListEntry[],
  scope: string | null,
): RegionChoice[] {
  const onRecord: RegionChoice[] = counties.map((c) => ({
    code: c.code,
    name: c.name,
    level: 'county',
    countyCode: c.countyCode,
    countyName: c.name,
    onRecord: true,
    covered: c.covered,
    towns: c.towns.map((t) => ({
      code: t.code,
      name: t.name,
      level: 'town',
      countyCode: c.countyCode,
      countyName: c.name,
      onRecord: true,
      covered: t.covered,
      towns: [],
    })),
  }));
  const known = new Set(counties.map((c) => c.countyCode));
  const reachable = (code: string) => scope === null || code.startsWith(scope.replace(/0+$/, ''));
  const planOnly = plans.flatMap((p): RegionChoice[] => {
    const code = p.region.code;
    if (!code || known.has(code) || !reachable(code)) return [];
    known.add(code);
    return [
      {
        code: `${code}000000`,
        name: p.region.name,
        level: 'county',
        countyCode: code,
        countyName: p.region.name,
        onRecord: false,
        covered: true,
        towns: [],
      },
    ];
  });
  return [...onRecord, ...planOnly];
}

/** Finds a region among the choices by its 12-digit code. */
export function findRegion(choices: readonly RegionChoice[], code: string | null): RegionChoice | undefined {
  if (!code) return undefined;
  for (const county of choices) {
    if (county.code === code) return county;
    const town = county.towns.find((t) => t.code === code);
    if (town) return town;
  }
  return undefined;
}

/**
 * The region the overview opens on: the first county on record that has a plan, else the first one; for a user
 * whose scope is a town of it (a family doctor, a township health centre), that town.
 */
export function defaultRegion(
  choices: readonly RegionChoice[],
  plans: readonly PlanListEntry[],
): RegionChoice | undefined {
  const planned = new Set(plans.map((p) => p.region.code));
  const county = choices.find((c) => c.onRecord && planned.has(c.countyCode)) ?? choices[0];
  return county && !county.covered && county.towns[0] ? county.towns[0] : county;
}

export interface KeyFigure {
  indicatorId: string;
  name: { zh: string; en: string };
  unit: string;
  /** One per year asked for; null where there is no value (none computed, or suppressed). */
  points: { year: number; value: number | null }[];
  latest: IndicatorValue | null;
}

/** The key figures of a region from its indicator values, in KEY_FIGURES order; those never computed are left out. */
export function keyFigures(
  values: readonly IndicatorValue[],
  years: readonly number[],
  ids: readonly string[] = KEY_FIGURES,
): KeyFigure[] {
  return ids.flatMap((id) => {
    const of = values.filter((v) => v.indicatorId === id);
    const first = of[0];
    if (!first) return [];
    const points = years.map((year) => ({ year, value: of.find((v) => v.year === year)?.value ?? null }));
    const latest = [...of].sort((a, b) => b.year - a.year).find((v) => v.value !== null) ?? null;
    return [{ indicatorId: id, name: first.name, unit: first.unit, points, latest }];
  });
}
