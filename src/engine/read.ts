import { getIndicator } from '../domain/catalog/index.js';
import { WeijianError } from '../domain/errors.js';
import { withUnit } from '../domain/indicators/value-text.js';
import {
  DEFINITIONS,
  getDefinition,
  type IndicatorDefinition,
} from '../domain/indicators/definitions/index.js';
import type { Db } from '../store/db.js';
import { query } from './sql/bind.js';
import { INDICATOR_YEARS } from './years.js';

/** Which period basis to read: each definition's own (MCH year for MCH indicators), one of them, or both. */
export type BasisChoice = 'default' | 'calendar' | 'mch' | 'all';

export interface ReadOptions {
  /** 6-digit county or 12-digit town/village code. */
  region: string;
  years?: readonly number[];
  indicatorIds?: readonly string[];
  /** A facility's values instead of the region's. */
  facilityId?: number;
  /** Include quarter values (quarterly indicators only). */
  quarters?: boolean;
  basis?: BasisChoice;
}

export interface IndicatorValueView {
  indicatorId: string;
  name: { zh: string; en: string };
  unit: string;
  level: string;
  region: { code: string; name: string | null };
  facility: { id: number; name: string | null } | null;
  year: number;
  quarter: number | null;
  period: { basis: 'calendar' | 'mch'; from: string; to: string };
  value: number | null;
  numerator: number;
  denominator: number;
  multiplier: number | null;
  /** "92.3% = 1 234 567 / 1 337 000", or the method and its counts for life tables. */
  display: string;
  populationBasis: string;
  definition: {
    version: number;
    /** False when the value was computed by an older version of the definition (a rebuild is due). */
    current: boolean;
    method: IndicatorDefinition['method'];
    rule: string;
    numerator: string | null;
    denominator: string | null;
    productRule: string | null;
    proxy: string | null;
    parameters: Readonly<Record<string, string | number>>;
  };
  computedAt: string;
  provenance: Record<string, unknown>;
}

interface StoredRow {
  indicator_id: string;
  region_code: string;
  region_name: string | null;
  facility_id: number;
  facility_name: string | null;
  level: string;
  year: number;
  quarter: number;
  period_basis: 'calendar' | 'mch';
  numerator: string;
  denominator: string;
  value: number | null;
  definition_version: number;
  population_basis: string;
  computed_at: Date | string;
  provenance: Record<string, unknown>;
}

const READ = `SELECT v.indicator_id, v.region_code, r.name AS region_name, v.facility_id::float8 AS facility_id,
  f.name AS facility_name, v.level, v.year, v.quarter, v.period_basis, v.numerator::text, v.denominator::text, v.value,
  v.definition_version, v.population_basis, v.computed_at, v.provenance
FROM indicator_values v
LEFT JOIN regions r ON r.county_code = v.county_code AND r.code = v.region_code
LEFT JOIN facilities f ON f.county_code = v.county_code AND f.id = v.facility_id
WHERE v.county_code = :county_code AND v.year = ANY(:years::int[]) AND v.indicator_id = ANY(:ids::text[])
  AND (v.facility_id = :facility_id AND (:facility_id <> 0 OR v.region_code = :region_code))
  AND (v.quarter = 0 OR :quarters = 1)
  AND (:basis = 'all' OR v.period_basis = :basis
    OR (:basis = 'default' AND v.period_basis = CASE WHEN v.indicator_id = ANY(:mch_ids::text[]) THEN 'mch' ELSE 'calendar' END))
ORDER BY v.indicator_id, v.year, v.quarter, v.period_basis`;

/** 12-digit region code of a 6-digit county or a 12-digit code; refuses anything else. */
export function regionCodeOf(code: string): string {
  if (/^\d{6}$/.test(code)) return `${code}000000`;
  if (/^\d{12}$/.test(code)) return code;
  throw new WeijianError('indicators.invalid-region', `region must be a 6- or 12-digit code, got "${code}"`, {
    field: 'region',
  });
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function periodOf(year: number, quarter: number, basis: 'calendar' | 'mch') {
  if (basis === 'mch') return { basis, from: iso(year - 1, 10, 1), to: iso(year, 9, 30) };
  if (!quarter) return { basis, from: iso(year, 1, 1), to: iso(year, 12, 31) };
  const lastDay = [31, 30, 30, 31][quarter - 1]!;
  return { basis, from: iso(year, quarter * 3 - 2, 1), to: iso(year, quarter * 3, lastDay) };
}

/** 1234567.5 → "1 234 567.5" (thin grouping as Chinese statistical tables print it). */
function grouped(n: number): string {
  const [whole, fraction] = (Math.round(n * 10) / 10).toString().split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + (fraction ? `.${fraction}` : '');
}

function shown(value: number): string {
  return String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2)));
}

function display(def: IndicatorDefinition, unit: string, row: StoredRow): string {
  const numerator = Number(row.numerator);
  const denominator = Number(row.denominator);
  const value = row.value === null ? '—' : withUnit(shown(row.value), unit);
  if (def.method === 'life-expectancy') {
    return `${value} (life table: ${grouped(numerator)} deaths, ${grouped(denominator)} mid-year population)`;
  }
  if (def.method === 'premature-ncd-mortality') {
    return `${value} (WHO 30–70: ${grouped(numerator)} NCD deaths, ${grouped(denominator)} mid-year population 30–69)`;
  }
  const multiplier = def.method === 'ratio' ? def.multiplier : 1;
  const implied = ['%', '‰', '1/10万'].includes(unit) || multiplier === 1;
  return `${value} = ${grouped(numerator)} / ${grouped(denominator)}${implied ? '' : ` × ${grouped(multiplier)}`}`;
}

function view(row: StoredRow): IndicatorValueView {
  const def = getDefinition(row.indicator_id)!;
  const catalog = getIndicator(row.indicator_id)!;
  return {
    indicatorId: row.indicator_id,
    name: { zh: catalog.nameZh, en: catalog.nameEn },
    unit: catalog.unit,
    level: row.level,
    region: { code: row.region_code, name: row.region_name },
    facility: row.facility_id ? { id: row.facility_id, name: row.facility_name } : null,
    year: row.year,
    quarter: row.quarter || null,
    period: periodOf(row.year, row.quarter, row.period_basis),
    value: row.value,
    numerator: Number(row.numerator),
    denominator: Number(row.denominator),
    multiplier: def.method === 'ratio' ? def.multiplier : null,
    display: display(def, catalog.unit, row),
    populationBasis: row.population_basis,
    definition: {
      version: row.definition_version,
      current: row.definition_version === def.version,
      method: def.method,
      rule: def.rule,
      numerator: def.method === 'ratio' ? def.numerator.label : null,
      denominator: def.method === 'ratio' ? def.denominator.label : null,
      productRule: def.productRule ?? null,
      proxy: def.proxy ?? null,
      parameters: def.parameters ?? {},
    },
    computedAt: new Date(row.computed_at).toISOString(),
    provenance: row.provenance,
  };
}

/** The stored values of a region (or one facility) with their definitions: what users and plans read. */
export async function readIndicators(db: Db, options: ReadOptions): Promise<IndicatorValueView[]> {
  const region = regionCodeOf(options.region);
  const ids = options.indicatorIds ?? DEFINITIONS.map((d) => d.id);
  const unknown = ids.filter((id) => !getDefinition(id));
  if (unknown.length) {
    throw new WeijianError('indicators.unknown', `no computed indicator ${unknown.join(', ')}`, {
      field: 'indicator',
    });
  }
  const rows = await query<StoredRow>(db, READ, {
    county_code: region.slice(0, 6),
    region_code: region,
    years: options.years ?? INDICATOR_YEARS,
    ids,
    facility_id: options.facilityId ?? 0,
    quarters: options.quarters ? 1 : 0,
    basis: options.basis ?? 'default',
    mch_ids: DEFINITIONS.filter((d) => d.period === 'mch').map((d) => d.id),
  });
  return rows.map(view);
}

/** The counties on record (their county rows in regions). */
export async function countiesOnRecord(db: Db): Promise<string[]> {
  const rows = await query<{ county_code: string }>(
    db,
    `SELECT county_code FROM regions WHERE level = 'county' ORDER BY 1`,
  );
  return rows.map((r) => r.county_code);
}
