/**
 * Abridged period life table (人均预期寿命), Chiang's method as in Chiang (1984) *The Life Table and its
 * Applications* and Preston, Heuveline & Guillot (2001) *Demography*, ch. 3 ("PHG"). Pure: no I/O.
 *
 * Age groups: 0, 1–4, 5–9, …, and an open group whose start is 80, 85 (the definitions file's table) or
 * any later multiple of 5 (90+, 95+, 100+).
 *
 * Per group (indicator-definitions.md, row 人均预期寿命):
 * - m_x = D_x / P_x, P_x the mid-year population;
 * - nq_x = n·m_x / (1 + (n − a_x)·m_x), capped at 1;
 * - l_0 = 100 000, d_x = l_x·q_x, l_{x+n} = l_x − d_x;
 * - nL_x = n·l_{x+n} + a_x·d_x (which equals d_x / m_x whenever m_x > 0: Chiang's q keeps L and m
 *   consistent); the open group: q = 1, L = l / m (so a = 1/m, PHG eq. 3.7);
 * - T_x = Σ_{y ≥ x} L_y, e_x = T_x / l_x.
 *
 * a_x, the mean years lived in the group by those who die in it:
 * - a_0 from the infant death rate m_0 by the Coale–Demeny West-model rule (PHG Table 3.3, fitted to 1m0):
 *     male:   m_0 ≥ 0.107 → 0.330, else 0.045 + 2.684·m_0
 *     female: m_0 ≥ 0.107 → 0.350, else 0.053 + 2.800·m_0
 *     total:  the mean of the two (m_0 ≥ 0.107 → 0.340, else 0.049 + 2.742·m_0): a product choice, since
 *             Coale–Demeny give no both-sexes rule and the sexes are weighted about equally at birth.
 * - a_1–4 = 1.5 by default (the definitions file: "≈ 1.5, not 2.5: the group is 4 years wide"); the option
 *   `a1to4: 'coale-demeny'` uses PHG Table 3.3 instead (male: m_0 ≥ 0.107 → 1.352, else 1.651 − 2.816·m_0;
 *   female: 1.361, else 1.522 − 1.518·m_0; total: the mean).
 * - a_x = n/2 = 2.5 for the 5-year groups (deaths spread evenly), unless `options.ax` overrides it (used to
 *   reproduce published tables with graduated a_x).
 *
 * Small populations (a county's or a town's cells are often empty) — the rules:
 * - D_x = 0 with P_x > 0 in a closed group: allowed, m_x = q_x = 0 (nobody died there this period).
 * - P_x = 0 with D_x > 0: an error (`life-table.deaths-without-population`): the rate is undefined and the
 *   records are inconsistent (deaths outside the population counted).
 * - P_x = 0 and D_x = 0 in the last groups only (nobody lives above some age): those groups are dropped and
 *   the last populated group becomes the open group; warning `open-group-lowered`.
 * - P_x = 0 anywhere else: an error (`life-table.empty-group`): no rate can be estimated for the group and
 *   guessing one would decide e0; aggregate more years or a larger area.
 * - Open group with D = 0 (L = l/m would be infinite): m is taken as the pooled rate of the open group and the
 *   groups just below it, widening one group at a time until the pool has a death; the row's `mx` is that
 *   rate and a warning `open-group-zero-deaths` says which ages were pooled. Pooling keeps the open group's
 *   own exposure (unlike borrowing the previous group's rate alone); it understates the open group's true
 *   rate, so e0 is then an upper estimate. No death at any age ≥ 5 at all: an error (`life-table.no-deaths`).
 * - q_x > 1 (possible when D_x is large against a tiny P_x, e.g. P = 1, D = 1 in a 5-year group): q is capped
 *   at 1, the group is closed like an open one (L = l/m, a = 1/m) and warning `q-capped` is given; the groups
 *   above then have l = d = L = T = 0 and e = null.
 */
import { WeijianError } from '../errors.js';

export type LifeTableSex = 'male' | 'female' | 'total';

export interface LifeTableGroup {
  /** First age of the group in completed years: 0, 1, 5, 10, … */
  ageStart: number;
  /** Width in years (1, 4, 5); null for the open last group. */
  width: number | null;
  /** Deaths in the period at ages in the group. */
  deaths: number;
  /** Mid-year (average) population of the group. */
  population: number;
}

export interface LifeTableOptions {
  sex: LifeTableSex;
  /** a for 1–4: `fixed` = 1.5 (indicator definitions, the default) or `coale-demeny` (PHG Table 3.3). */
  a1to4?: 'fixed' | 'coale-demeny';
  /** a_x by ageStart for closed groups, replacing the default rule (e.g. a published table's graduated a_x). */
  ax?: Readonly<Record<number, number>>;
  /** l_0; 100 000 by default. */
  radix?: number;
}

export interface LifeTableRow {
  ageStart: number;
  /** null for the open group. */
  width: number | null;
  deaths: number;
  population: number;
  /** Death rate used: D/P, or the pooled fallback rate for an open group without deaths. */
  mx: number;
  ax: number;
  qx: number;
  lx: number;
  dx: number;
  Lx: number;
  Tx: number;
  /** Life expectancy at exact age x; null when nobody of the cohort reaches x (l_x = 0). */
  ex: number | null;
}

export type LifeTableWarningCode = 'open-group-lowered' | 'open-group-zero-deaths' | 'q-capped';

export interface LifeTableWarning {
  code: LifeTableWarningCode;
  /** The group the warning is about. */
  ageStart: number;
  message: string;
}

export interface LifeTable {
  rows: LifeTableRow[];
  e0: number;
  /** Estimates made because of sparse data; a value with warnings should be shown flagged. */
  warnings: LifeTableWarning[];
}

/** Coale–Demeny West rules for a_0 and a_1–4 by 1m0 (PHG 2001, Table 3.3). */
const COALE_DEMENY = {
  male: { a0: (m0: number) => (m0 >= 0.107 ? 0.33 : 0.045 + 2.684 * m0), a1: (m0: number) => (m0 >= 0.107 ? 1.352 : 1.651 - 2.816 * m0) },
  female: { a0: (m0: number) => (m0 >= 0.107 ? 0.35 : 0.053 + 2.8 * m0), a1: (m0: number) => (m0 >= 0.107 ? 1.361 : 1.522 - 1.518 * m0) },
} as const; // prettier-ignore

/** a_0 for an infant death rate m_0 (see the file comment; `total` is the mean of the sexes). */
export function infantAx(m0: number, sex: LifeTableSex): number {
  if (sex === 'total') return (COALE_DEMENY.male.a0(m0) + COALE_DEMENY.female.a0(m0)) / 2;
  return COALE_DEMENY[sex].a0(m0);
}

/** a_1–4 by Coale–Demeny (option `a1to4: 'coale-demeny'`). */
export function childAxCoaleDemeny(m0: number, sex: LifeTableSex): number {
  if (sex === 'total') return (COALE_DEMENY.male.a1(m0) + COALE_DEMENY.female.a1(m0)) / 2;
  return COALE_DEMENY[sex].a1(m0);
}

/** The definitions file's a_1–4. */
export const CHILD_AX_FIXED = 1.5;

const DEFAULT_RADIX = 100_000;
const MIN_OPEN_AGE = 80;

function fail(code: string, message: string, field = 'groups'): never {
  throw new WeijianError(`life-table.${code}`, message, { field });
}

function label(g: { ageStart: number; width: number | null }): string {
  if (g.width === null) return `${g.ageStart}+`;
  return g.width === 1 ? `${g.ageStart}` : `${g.ageStart}–${g.ageStart + g.width - 1}`;
}

/** Checks the age structure 0, 1–4, 5–9, …, open (≥ 80) and the counts; returns the groups sorted by age. */
function checkGroups(groups: readonly LifeTableGroup[]): LifeTableGroup[] {
  const sorted = [...groups].sort((a, b) => a.ageStart - b.ageStart);
  if (sorted.length < 3) fail('age-groups', 'a life table needs the groups 0, 1–4, 5–9, … and an open group');
  sorted.forEach((g, i) => {
    const expectedStart = i === 0 ? 0 : i === 1 ? 1 : 5 * (i - 1);
    const last = i === sorted.length - 1;
    const expectedWidth = last ? null : i === 0 ? 1 : i === 1 ? 4 : 5;
    if (g.ageStart !== expectedStart || g.width !== expectedWidth) {
      fail(
        'age-groups',
        `group ${i + 1} is ${label(g)}; expected ${label({ ageStart: expectedStart, width: expectedWidth })} ` +
          '(groups 0, 1–4, 5–9, …, and an open last group)',
      );
    }
    for (const field of ['deaths', 'population'] as const) {
      if (!Number.isFinite(g[field]) || g[field] < 0) {
        fail(
          'invalid-count',
          `${field} of group ${label(g)} must be a finite number ≥ 0, got ${g[field]}`,
          field,
        );
      }
    }
  });
  const open = sorted[sorted.length - 1]!;
  if (open.ageStart < MIN_OPEN_AGE) {
    fail(
      'age-groups',
      `the open group starts at ${open.ageStart}; it must start at ${MIN_OPEN_AGE} or later`,
    );
  }
  return sorted;
}

/**
 * Builds the abridged life table from deaths and mid-year population per age group (see the file comment for
 * every rule). Throws a `WeijianError` (code `life-table.*`) for a structure or data it cannot use.
 */
export function lifeTable(groups: readonly LifeTableGroup[], options: LifeTableOptions): LifeTable {
  const warnings: LifeTableWarning[] = [];
  let input = checkGroups(groups);

  for (const g of input) {
    if (g.population === 0 && g.deaths > 0) {
      fail('deaths-without-population', `group ${label(g)} has ${g.deaths} deaths but population 0`);
    }
  }

  // Trailing empty groups: close the table at the last populated group.
  let lastPopulated = input.length - 1;
  while (lastPopulated >= 0 && input[lastPopulated]!.population === 0) lastPopulated--;
  if (lastPopulated < 2) fail('empty-group', 'no population at ages 5 and over');
  if (lastPopulated < input.length - 1) {
    input = input.slice(0, lastPopulated + 1);
    const top = input[lastPopulated]!;
    input[lastPopulated] = { ...top, width: null };
    warnings.push({
      code: 'open-group-lowered',
      ageStart: top.ageStart,
      message: `no population at ages ${top.ageStart + 5} and over: the open group is ${top.ageStart}+`,
    });
  }
  const empty = input.find((g) => g.population === 0);
  if (empty) {
    fail(
      'empty-group',
      `group ${label(empty)} has population 0; its death rate cannot be estimated (aggregate more years or a larger area)`,
    );
  }

  const openIndex = input.length - 1;
  const open = input[openIndex]!;
  let openRate = open.deaths / open.population;
  if (open.deaths === 0) {
    let deaths = 0;
    let population = open.population;
    let from = openIndex;
    while (deaths === 0 && from > 2) {
      from--;
      deaths += input[from]!.deaths;
      population += input[from]!.population;
    }
    if (deaths === 0) fail('no-deaths', 'no deaths at ages 5 and over: life expectancy cannot be estimated');
    openRate = deaths / population;
    warnings.push({
      code: 'open-group-zero-deaths',
      ageStart: open.ageStart,
      message:
        `no deaths in the open group ${label(open)}: its rate is the pooled rate of ages ${input[from]!.ageStart}+ ` +
        `(${openRate.toPrecision(4)}), so e0 is an upper estimate`,
    });
  }

  const m0 = input[0]!.deaths / input[0]!.population;
  const axOf = (g: LifeTableGroup, n: number): number => {
    const override = options.ax?.[g.ageStart];
    if (override !== undefined) {
      if (!Number.isFinite(override) || override < 0 || override > n) {
        fail('invalid-ax', `a_x of group ${label(g)} must be between 0 and ${n}, got ${override}`, 'ax');
      }
      return override;
    }
    if (g.ageStart === 0) return infantAx(m0, options.sex);
    if (g.ageStart === 1) {
      return options.a1to4 === 'coale-demeny' ? childAxCoaleDemeny(m0, options.sex) : CHILD_AX_FIXED;
    }
    return n / 2;
  };

  const radix = options.radix ?? DEFAULT_RADIX;
  if (!(radix > 0) || !Number.isFinite(radix))
    fail('invalid-radix', `radix must be > 0, got ${radix}`, 'radix');
  let l = radix;
  const rows: LifeTableRow[] = input.map((g, i) => {
    const base = { ageStart: g.ageStart, width: g.width, deaths: g.deaths, population: g.population };
    if (i === openIndex) {
      // Open group: everyone dies in it, L = l/m (PHG eq. 3.7).
      const row = {
        ...base,
        mx: openRate,
        ax: 1 / openRate,
        qx: 1,
        lx: l,
        dx: l,
        Lx: l / openRate,
        Tx: 0,
        ex: null,
      };
      l = 0;
      return row;
    }
    const n = g.width!;
    const mx = g.deaths / g.population;
    let ax = axOf(g, n);
    let qx = (n * mx) / (1 + (n - ax) * mx);
    if (qx > 1) {
      warnings.push({
        code: 'q-capped',
        ageStart: g.ageStart,
        message: `group ${label(g)}: ${g.deaths} deaths in a population of ${g.population} give q > 1; q is set to 1 and the table ends there`,
      });
      qx = 1;
      ax = 1 / mx; // L = l/m, as for an open group
    }
    const lx = l;
    const dx = lx * qx;
    l = lx - dx;
    return { ...base, mx, ax, qx, lx, dx, Lx: n * l + ax * dx, Tx: 0, ex: null };
  });

  let T = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    T += row.Lx;
    row.Tx = T;
    row.ex = row.lx > 0 ? T / row.lx : null;
  }
  return { rows, e0: rows[0]!.ex!, warnings };
}
