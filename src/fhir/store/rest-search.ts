import type { Resource } from '@medplum/fhirtypes';
import { WeijianError } from '../../domain/errors.js';
import { residentIdentifierSystem } from '../common.js';
import { CS, SID, SOURCE_PREFIX } from '../systems.js';
import { PART_CODES, partOfId, partsOf, type RestPart } from './rest-tables.js';
import type { Sql } from './sql.js';

/*
 * FHIR search over the store, declared once per parameter: the declarations drive the query and the
 * CapabilityStatement (src/api/fhir/capability.ts), so what is advertised is what is searched. Parameters
 * repeat as AND, comma-separated values as OR (FHIR R4 search §3.1.1.6). String search is case- and
 * accent-insensitive and matches the start of the name or of any word in it (§3.1.1.5.13).
 */

export type ParamType = 'token' | 'string' | 'date' | 'reference';

/** One value of a parameter with its modifier (`name:exact=…`). */
interface Value {
  text: string;
  modifier: string | null;
}

/** SQL parameters of one query; `$1` is always the county. */
export class Params {
  readonly values: unknown[];
  constructor(county: string) {
    this.values = [county];
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** SQL for one value on one part: a condition, or true/false when the part always/never matches. */
type Where = (part: RestPart, value: Value, p: Params) => string | boolean;

export interface SearchParamDeclaration {
  name: string;
  type: ParamType;
  documentation: string;
  modifiers?: string[];
  where: Where;
}

export const bad = (field: string, message: string, code = 'fhir.search-parameter') =>
  new WeijianError(code, message, { field }, 400);

// ---------------------------------------------------------------- string matching

/** Latin letters with diacritics folded to their base letter (NFD strips the rest in JavaScript). */
const FOLD_FROM = 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćčďđğłñńňŕřśšşťţźżž';
const FOLD_TO = 'aaaaaaaaaeeeeeeeeeiiiiiiiiooooooooouuuuuuuuuuyycccddglnnnrrssstzzzz';
if (FOLD_FROM.length !== FOLD_TO.length) throw new Error('fold tables differ in length');

/** The same folding in SQL: lower case, diacritics removed (no extension needed, PGlite included). */
export const foldSql = (expr: string) => `translate(lower(${expr}), '${FOLD_FROM}', '${FOLD_TO}')`;

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øłđ]/g, (c) => ({ ø: 'o', ł: 'l', đ: 'd' })[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A name column against a string value. `word`: the start of the name or of a later word (`name`);
 * `first`: the start (`family`, written first in the store); `rest`: a later word, or — for names without
 * spaces (Chinese) — the name after its one- or two-character family name (`given`).
 */
function stringWhere(column: string, value: Value, p: Params, where: 'word' | 'first' | 'rest'): string {
  if (value.modifier === 'exact') return `${column} = ${p.add(value.text)}`;
  const v = likeEscape(fold(value.text.trim()));
  const folded = foldSql(column);
  if (value.modifier === 'contains') return `${folded} like ${p.add(`%${v}%`)}`;
  const start = () => `${folded} like ${p.add(`${v}%`)}`;
  const word = () => `${folded} like ${p.add(`% ${v}%`)}`;
  if (where === 'first') return start();
  if (where === 'word') return `(${start()} or ${word()})`;
  const han = `(position(' ' in ${column}) = 0 and (substr(${folded}, 2) like ${p.add(`${v}%`)} or substr(${folded}, 3) like ${p.add(`${v}%`)}))`;
  return `(${word()} or ${han})`;
}

// ---------------------------------------------------------------- tokens

/** `system|code`, `|code` (no system), `code` (any system), `system|` (any code of the system). */
export function parseToken(text: string): { system: string | undefined; code: string | undefined } {
  const bar = text.indexOf('|');
  if (bar < 0) return { system: undefined, code: text || undefined };
  return { system: text.slice(0, bar), code: text.slice(bar + 1) || undefined };
}

/** A token against a column whose codes are all of `system`. */
function codeWhere(column: string, system: string, value: Value, p: Params): string | boolean {
  const t = parseToken(value.text);
  if (t.system !== undefined && t.system !== system) return false;
  return t.code === undefined ? true : `${column} = ${p.add(t.code)}`;
}

/** A token against a constant code every row of the part has (Observation kinds, pregnancy). */
function constantCode(part: RestPart, value: Value): boolean {
  const fixed = PART_CODES[part.table];
  if (!fixed) return false;
  const t = parseToken(value.text);
  return (
    (t.system === undefined || t.system === fixed.system) && (t.code === undefined || t.code === fixed.code)
  );
}

// ---------------------------------------------------------------- dates

/** FHIR date search prefixes (§3.1.1.4.2); `ap` (approximately) is not offered. */
const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;
const DATE_VALUE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A date search value as the half-open interval [lo, hi) of days (or of instants for `_lastUpdated`). */
export function dateRange(
  text: string,
  field: string,
): { prefix: (typeof PREFIXES)[number]; lo: string; hi: string; instant: boolean } {
  const prefixed = /^[a-z]{2}/.test(text) ? text.slice(0, 2) : 'eq';
  if (!PREFIXES.includes(prefixed as never))
    throw bad(field, `unknown date prefix "${prefixed}" (supported: ${PREFIXES.join(', ')})`);
  const raw = /^[a-z]{2}/.test(text) ? text.slice(2) : text;
  const m = DATE_VALUE.exec(raw);
  if (!m) throw bad(field, `"${raw}" is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)`);
  const [, y, mo, d, hh, mm, ss, zone] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12))
    throw bad(field, `"${raw}": month ${mo} does not exist`);
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate()))
    throw bad(field, `"${raw}": ${y}-${mo} has no day ${d}`);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const prefix = prefixed as (typeof PREFIXES)[number];
  if (hh !== undefined) {
    const at = new Date(`${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${zone ?? '+08:00'}`);
    if (Number.isNaN(at.getTime())) throw bad(field, `"${raw}" is not a valid dateTime`);
    return { prefix, lo: at.toISOString(), hi: new Date(at.getTime() + 1000).toISOString(), instant: true };
  }
  const lo = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const hi =
    day !== undefined
      ? new Date(Date.UTC(year, month! - 1, day + 1))
      : month !== undefined
        ? new Date(Date.UTC(year, month, 1))
        : new Date(Date.UTC(year + 1, 0, 1));
  return { prefix, lo: iso(lo), hi: iso(hi), instant: false };
}

function dateWhere(column: string, value: Value, p: Params, field: string, cast: string): string {
  const r = dateRange(value.text, field);
  // Only the bounds used become parameters (an unused one would have no type).
  const lo = () => `${p.add(r.lo)}::${cast}`;
  const hi = () => `${p.add(r.hi)}::${cast}`;
  switch (r.prefix) {
    case 'eq':
      return `(${column} >= ${lo()} and ${column} < ${hi()})`;
    case 'ne':
      return `(${column} < ${lo()} or ${column} >= ${hi()})`;
    case 'gt':
    case 'sa':
      return `${column} >= ${hi()}`;
    case 'lt':
    case 'eb':
      return `${column} < ${lo()}`;
    case 'ge':
      return `${column} >= ${lo()}`;
    case 'le':
      return `${column} < ${hi()}`;
  }
}

/** Dates in the store are days; a dateTime value is compared by its day in China time. */
function dayWhere(column: string, value: Value, p: Params, field: string): string {
  const r = dateRange(value.text, field);
  if (!r.instant) return dateWhere(column, value, p, field, 'date');
  const day = new Date(new Date(r.lo).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return dateWhere(column, { ...value, text: `${r.prefix}${day}` }, p, field, 'date');
}

// ---------------------------------------------------------------- references

const ROW_ID = {
  Patient: /^(?:(?:.*\/)?Patient\/)?([1-9]\d{0,17})$/,
  Encounter: /^(?:(?:.*\/)?Encounter\/)?([1-9]\d{0,17})$/,
};

/** `Patient/123`, `123` or `http://…/Patient/123` → 123 (a row id of `type`); null when not one. */
export function rowIdOf(type: keyof typeof ROW_ID, text: string): number | null {
  const m = ROW_ID[type].exec(text.trim());
  return m ? Number(m[1]) : null;
}

const patientWhere: Where = (part, value, p) => {
  if (!part.ofResident) return false;
  const id = rowIdOf('Patient', value.text);
  return id === null ? false : part.ofResident(`${p.add(id)}::bigint`);
};

/** Rows that name the encounter; a part without the link (deaths) never matches. */
const encounterWhere: Where = (part, value, p) => {
  if (!part.encounter) return false;
  const id = rowIdOf('Encounter', value.text);
  return id === null ? false : `${part.encounter} = ${p.add(id)}::bigint`;
};

// ---------------------------------------------------------------- declarations

const str = (
  name: string,
  column: string,
  documentation: string,
  where: 'word' | 'first' | 'rest' = 'word',
) =>
  ({
    name,
    type: 'string',
    documentation,
    modifiers: ['exact', 'contains'],
    where: (_part, value, p) => stringWhere(column, value, p, where),
  }) satisfies SearchParamDeclaration;

const date = (name: string, documentation: string): SearchParamDeclaration => ({
  name,
  type: 'date',
  documentation,
  where: (part, value, p) => (part.date ? dayWhere(part.date, value, p, name) : false),
});

const patient = (name: string, documentation: string): SearchParamDeclaration => ({
  name,
  type: 'reference',
  documentation,
  where: patientWhere,
});

const encounter: SearchParamDeclaration = {
  name: 'encounter',
  type: 'reference',
  documentation: 'The Encounter the record was made in: Encounter/123 or 123',
  where: encounterWhere,
};

const clinical = (dateName: string, subject: boolean): SearchParamDeclaration[] => [
  patient('patient', 'The patient: Patient/123 or 123'),
  ...(subject ? [patient('subject', 'The subject (a Patient): Patient/123 or 123')] : []),
  date(dateName, 'The record date (day precision); prefixes eq, ne, gt, lt, ge, le, sa, eb'),
];

/** Parameters every type has (§3.1.1.1). */
export const COMMON_PARAMS: SearchParamDeclaration[] = [
  {
    name: '_id',
    type: 'token',
    documentation: 'The resource id',
    where: (part, value, p) => {
      const found = partOfId(part.type, value.text);
      if (!found || found.part !== part) return false;
      return part.key === 'code' ? `t.code = ${p.add(found.key)}` : `t.id = ${p.add(found.key)}::bigint`;
    },
  },
  {
    name: '_lastUpdated',
    type: 'date',
    documentation:
      'When the resource was last written through this API (resources loaded by file import have no lastUpdated)',
    where: (part, value, p) =>
      `exists (select 1 from fhir_resource_versions v where v.county_code = t.county_code and v.resource_type = ${p.add(part.type)}::text
        and v.resource_id = ${p.add(part.prefix)}::text || t.${part.key}::text and ${dateWhere('v.last_updated', value, p, '_lastUpdated', 'timestamptz')})`,
  },
];

const patientIdentifier: Where = (_part, value, p) => {
  const t = parseToken(value.text);
  if (t.system === SID.residentId)
    return t.code
      ? `t.resident_id_number = ${p.add(t.code.trim().toUpperCase())}`
      : 't.resident_id_number is not null';
  // `t.id in (…)` rather than a correlated exists: the identifier index finds the few residents directly.
  const held = (system: string | null) =>
    `t.id in (select i.resident_id from resident_identifiers i where i.county_code = $1` +
    (system !== null ? ` and i.system = ${p.add(system)}` : '') +
    (t.code !== undefined ? ` and i.value = ${p.add(t.code)}` : '') +
    ')';
  if (t.system === undefined || t.system === '') {
    if (t.code === undefined) return true;
    return `(t.resident_id_number = ${p.add(t.code.toUpperCase())} or ${held(null)})`;
  }
  return held(residentIdentifierSystem(t.system));
};

export const SEARCH_PARAMS: Record<string, SearchParamDeclaration[]> = {
  Patient: [
    {
      name: 'identifier',
      type: 'token',
      documentation: `An identifier: system|value, e.g. ${SID.residentId}|<resident ID number>, or a value of any system`,
      where: patientIdentifier,
    },
    str('name', 't.name', 'Any part of the name (start of the name or of a word)'),
    str('family', 't.name', 'The family name (names are stored family first)', 'first'),
    str('given', 't.name', 'A given name (a later word, or the Chinese name after the family name)', 'rest'),
    {
      name: 'birthdate',
      type: 'date',
      documentation: 'The birth date; prefixes eq, ne, gt, lt, ge, le, sa, eb',
      where: (_part, value, p) => dayWhere('t.birth_date', value, p, 'birthdate'),
    },
    {
      name: 'gender',
      type: 'token',
      documentation: 'male | female | unknown (other is stored as unknown)',
      where: (_part, value, p) => {
        const t = parseToken(value.text);
        if (t.system && t.system !== 'http://hl7.org/fhir/administrative-gender') return false;
        return t.code === undefined ? true : `t.sex = ${p.add(t.code)}`;
      },
    },
  ],
  Encounter: clinical('date', true),
  Observation: [
    ...clinical('date', true),
    encounter,
    {
      name: 'code',
      type: 'token',
      documentation: `The kind: ${CS.observation}|chronic-disease-follow-up, health-checkup, child-health-check; ${CS.loinc}|69453-9 (cause of death)`,
      where: (part, value) => constantCode(part, value),
    },
  ],
  Condition: [
    ...clinical('recorded-date', true),
    encounter,
    {
      name: 'code',
      type: 'token',
      documentation: `The notifiable disease (${CS.notifiableDisease})`,
      where: (_part, value, p) => codeWhere('t.disease_code', CS.notifiableDisease, value, p),
    },
  ],
  Immunization: [
    ...clinical('date', false),
    {
      name: 'vaccine-code',
      type: 'token',
      documentation: `The vaccine (${CS.vaccine})`,
      where: (_part, value, p) => codeWhere('t.vaccine_code', CS.vaccine, value, p),
    },
  ],
  CarePlan: clinical('date', true),
  EpisodeOfCare: [
    ...clinical('date', false),
    {
      name: 'type',
      type: 'token',
      documentation: `The episode type (${CS.episodeType}): hypertension, type2_diabetes, severe_mental_disorder, pregnancy`,
      where: (part, value, p) =>
        part.table === 'pregnancies'
          ? constantCode(part, value)
          : codeWhere('t.disease', CS.episodeType, value, p),
    },
  ],
  ServiceRequest: [...clinical('authored', true), encounter],
  Organization: [
    {
      name: 'identifier',
      type: 'token',
      documentation: `The facility code (${SID.facilityCode})`,
      where: (_part, value, p) => codeWhere('t.code', SID.facilityCode, value, p),
    },
    str('name', 't.name', 'The facility name'),
  ],
  Location: [
    {
      name: 'identifier',
      type: 'token',
      documentation: `The 12-digit region code (${SID.regionCode})`,
      where: (_part, value, p) => codeWhere('t.code', SID.regionCode, value, p),
    },
    str('name', 't.name', 'The region name'),
  ],
  Practitioner: [
    {
      name: 'identifier',
      type: 'token',
      documentation: `The licence number (${SID.licence}) or the source id (${SOURCE_PREFIX}<system>)`,
      where: (_part, value, p) => {
        const t = parseToken(value.text);
        if (t.system?.startsWith(SOURCE_PREFIX))
          return `(t.source_system = ${p.add(t.system.slice(SOURCE_PREFIX.length))} and t.source_id = ${p.add(t.code ?? '')})`;
        return codeWhere('t.licence_number', SID.licence, value, p);
      },
    },
    str('name', 't.name', 'The name'),
  ],
  PractitionerRole: [
    {
      name: 'identifier',
      type: 'token',
      documentation: `The source id of the employment (${SOURCE_PREFIX}<system>|<id>)`,
      where: (_part, value, p) => {
        const t = parseToken(value.text);
        if (!t.system?.startsWith(SOURCE_PREFIX) || t.code === undefined) return false;
        return `(t.source_system = ${p.add(t.system.slice(SOURCE_PREFIX.length))} and t.source_id = ${p.add(t.code)})`;
      },
    },
    {
      name: 'practitioner',
      type: 'reference',
      documentation: 'The Practitioner (Practitioner/123; a role and its practitioner share the staff row)',
      where: (_part, value, p) => {
        const m = /^(?:(?:.*\/)?Practitioner\/)?([1-9]\d{0,17})$/.exec(value.text);
        return m ? `t.id = ${p.add(m[1])}::bigint` : false;
      },
    },
    {
      name: 'organization',
      type: 'reference',
      documentation: 'The facility: Organization/<facility code>',
      where: (_part, value, p) => {
        const code = value.text.replace(/^(?:.*\/)?Organization\//, '');
        return `t.facility_id = (select f.id from facilities f where f.county_code = t.county_code and f.code = ${p.add(code)})`;
      },
    },
  ],
};

export const paramsOf = (type: string): SearchParamDeclaration[] => [
  ...COMMON_PARAMS,
  ...(SEARCH_PARAMS[type] ?? []),
];

/** Result parameters handled by the API around the query (§3.1.1.5), never filters. */
export const RESULT_PARAMS = [
  '_count',
  '_cursor',
  '_include',
  '_revinclude',
  '_format',
  '_pretty',
  '_summary',
  '_total',
];

// ---------------------------------------------------------------- execution

export interface SearchQuery {
  type: string;
  /** The filters as given: [name (with modifier), value]. */
  params: [string, string][];
  count: number;
  /** Opaque paging cursor from a previous page's `next` link. */
  cursor?: string;
  /** Scope: only residents whose village code starts with this (null: the whole county). */
  within: string | null;
  /** `Prefer: handling=strict`: an unknown parameter is an error rather than ignored. */
  strict: boolean;
}

export interface SearchPage {
  resources: Resource[];
  /** The cursor of the next page, when there is one. */
  next: string | null;
  /** Parameters applied, for the self link; unknown ones left out (lenient handling). */
  applied: [string, string][];
}

interface Filter {
  decl: SearchParamDeclaration;
  values: Value[];
}

/** The declared filters of a query (unknown ones dropped, or an error under strict handling). */
function parseFilters(query: Pick<SearchQuery, 'type' | 'params' | 'strict'>): {
  filters: Filter[];
  applied: [string, string][];
} {
  const declared = paramsOf(query.type);
  const filters: Filter[] = [];
  const applied: [string, string][] = [];
  for (const [key, text] of query.params) {
    const [name, modifier = null] = key.split(':', 2) as [string, string | undefined];
    const decl = declared.find((d) => d.name === name);
    if (!decl || (modifier !== null && !decl.modifiers?.includes(modifier))) {
      if (query.strict)
        throw bad(
          key,
          decl
            ? `modifier :${modifier} is not supported on ${name}`
            : `unknown search parameter "${name}" for ${query.type} (supported: ${declared.map((d) => d.name).join(', ')})`,
        );
      continue;
    }
    applied.push([key, text]);
    filters.push({
      decl,
      values: text.split(/(?<!\\),/).map((v) => ({ text: v.replace(/\\,/g, ','), modifier })),
    });
  }
  return { filters, applied };
}

/** The conditions every read of a part has: its county, visible rows, the caller's scope. */
export function baseWhere(part: RestPart, p: Params, within: string | null): string[] {
  const where: string[] = ['t.county_code = $1'];
  if (part.hidden) where.push(`not (${part.hidden})`);
  if (within !== null) {
    if (!part.resident) {
      // Facilities, regions and staff are the county's, not a resident's: seen from any scope in it.
    } else if (part.table === 'residents') where.push(`t.residence_village_code like ${p.add(`${within}%`)}`);
    else
      where.push(
        `exists (select 1 from residents r where r.county_code = t.county_code and r.id = ${part.resident} and r.residence_village_code like ${p.add(`${within}%`)})`,
      );
  }
  return where;
}

/** The conditions of the filters on one part, or null when the part cannot match. */
function filterWhere(part: RestPart, filters: Filter[], p: Params): string[] | null {
  const where: string[] = [];
  for (const f of filters) {
    const mark = p.values.length;
    const ors = f.values.map((v) => f.decl.where(part, v, p));
    // An unused parameter has no type: PostgreSQL refuses the statement, so values not used are taken back.
    if (ors.some((o) => o === true)) {
      p.values.length = mark;
      continue;
    }
    const conds = ors.filter((o): o is string => typeof o === 'string');
    if (!conds.length) return null;
    where.push(`(${conds.join(' or ')})`);
  }
  return where;
}

const idOf = (part: RestPart, key: string) => `${part.prefix}${key}`;

/**
 * Runs a search: the type's parts in order, keyset-paged by (part, key), in one statement with the versions
 * joined. A type spread over several tables (Observation: follow-ups, check-ups, child checks, deaths) is one
 * UNION ALL of its parts, each ordered and limited by its own index before the merge, so a search is one
 * round trip to the database whatever the type.
 */
export async function searchStore(sql: Sql, county: string, query: SearchQuery): Promise<SearchPage> {
  const { filters, applied } = parseFilters(query);
  const parts = partsOf(query.type);
  const cursor = decodeCursor(query.cursor, parts.length);
  const p = new Params(county);
  const limit = query.count + 1;
  const branches: { index: number; part: RestPart; text: string }[] = [];
  for (let i = cursor?.part ?? 0; i < parts.length; i++) {
    const part = parts[i]!;
    const mark = p.values.length;
    const where = baseWhere(part, p, query.within);
    const filtered = filterWhere(part, filters, p);
    if (!filtered) {
      p.values.length = mark;
      continue;
    }
    where.push(...filtered);
    if (cursor && i === cursor.part && cursor.key !== '')
      where.push(
        part.key === 'code' ? `t.code > ${p.add(cursor.key)}` : `t.id > ${p.add(cursor.key)}::bigint`,
      );
    branches.push({
      index: i,
      part,
      text: `${part.select} where ${where.join(' and ')} order by t.${part.key} limit ${limit}`,
    });
  }
  if (!branches.length) return { resources: [], next: null, applied };
  const type = `${p.add(query.type)}::text`;
  const version = (fid: string) =>
    `left join fhir_resource_versions v on v.county_code = $1 and v.resource_type = ${type} and v.resource_id = ${fid}`;
  const versionColumns = `v.version_id as "__version", to_json(v.last_updated) #>> '{}' as "__at"`;
  let rows: { index: number; part: RestPart; row: Record<string, unknown> }[];
  if (branches.length === 1) {
    const { index, part, text } = branches[0]!;
    const found = await sql.query<Record<string, unknown>>(
      `select x.*, ${versionColumns} from (${text}) x ${version(`${p.add(part.prefix)}::text || x.${part.key}::text`)} order by x.${part.key}`,
      p.values,
    );
    rows = found.map((row) => ({ index, part, row }));
  } else {
    // Several parts are all keyed by id; a row travels as JSON (its columns differ from part to part).
    const union = branches
      .map(
        (b) =>
          `select ${b.index} as part, x.id::bigint as n, ${p.add(b.part.prefix)}::text || x.id::text as fid, row_to_json(x) as row from (${b.text}) x`,
      )
      .join(' union all ');
    const found = await sql.query<{
      part: number;
      row: Record<string, unknown>;
      __version: number | null;
      __at: string | null;
    }>(
      `select u.part, u.row, ${versionColumns} from (select * from (${union}) w order by w.part, w.n limit ${limit}) u
       ${version('u.fid')} order by u.part, u.n`,
      p.values,
    );
    rows = found.map((r) => ({
      index: r.part,
      part: parts[r.part]!,
      row: { ...r.row, __version: r.__version, __at: r.__at },
    }));
  }
  const taken = rows.slice(0, query.count);
  const resources = taken.map(({ part, row }) => {
    const { __version, __at, ...record } = row as { __version: number | null; __at: string | null };
    const resource = part.toFhir(record);
    resource.meta = {
      ...resource.meta,
      versionId: String(__version ?? 1),
      ...(__at ? { lastUpdated: new Date(__at).toISOString() } : {}),
    };
    return resource;
  });
  let next: string | null = null;
  if (rows.length > query.count) {
    const last = taken[taken.length - 1];
    next = last
      ? encodeCursor({ part: last.index, key: String(last.row[last.part.key === 'code' ? 'code' : 'id']) })
      : encodeCursor({ part: rows[0]!.index, key: '' });
  }
  return { resources, next, applied };
}

/**
 * Params whose values become columns of an `unnest` row (`k.c0`, `k.c1`, …) instead of `$n`: the same
 * search with other values gives the same SQL, so many searches run as one statement (one row each).
 */
class RowParams extends Params {
  override add(value: unknown): string {
    this.values.push(String(value));
    return `k.c${this.values.length - 2}`;
  }
  /** The values of the row (after the county). */
  get row(): string[] {
    return this.values.slice(1) as string[];
  }
}

/**
 * The ids matching each of several searches of one type (at most `limit` each, in search order), in one
 * statement per part and shape of search rather than one per search: the conditional creates
 * (`ifNoneExist`) and conditional references of a whole Bundle cost a few statements.
 */
export async function matchMany(
  sql: Sql,
  county: string,
  type: string,
  searches: [string, string][][],
  within: string | null,
  limit = 2,
): Promise<string[][]> {
  const parsed = searches.map((params) => parseFilters({ type, params, strict: true }).filters);
  const found: string[][] = searches.map(() => []);
  for (const part of partsOf(type)) {
    const groups = new Map<string, { ord: number; row: string[] }[]>();
    parsed.forEach((filters, ord) => {
      const p = new RowParams(county);
      const where = baseWhere(part, p, within);
      const filtered = filterWhere(part, filters, p);
      if (!filtered) return;
      const text = [...where, ...filtered].join(' and ');
      groups.set(text, [...(groups.get(text) ?? []), { ord, row: p.row }]);
    });
    for (const [where, rows] of groups) {
      const width = rows[0]!.row.length;
      const columns = Array.from({ length: width }, (_, c) => `c${c}`);
      const result = await sql.query<{ ord: number; key: string }>(
        `select k.ord, m.key from unnest($2::int[]${columns.map((_, c) => `, $${c + 3}::text[]`).join('')}) as k(ord${columns.map((c) => `, ${c}`).join('')})
         cross join lateral (select t.${part.key}::text as key from ${part.table} t where ${where} order by t.${part.key} limit ${limit}) m
         order by k.ord`,
        [county, rows.map((r) => r.ord), ...columns.map((_, c) => rows.map((r) => r.row[c]))],
      );
      for (const r of result) found[r.ord]!.push(idOf(part, r.key));
    }
  }
  return found.map((ids) => ids.slice(0, limit));
}

const encodeCursor = (c: { part: number; key: string }) =>
  Buffer.from(`${c.part}.${c.key}`).toString('base64url');

function decodeCursor(text: string | undefined, parts: number): { part: number; key: string } | null {
  if (!text) return null;
  const m = /^(\d+)\.(.*)$/.exec(Buffer.from(text, 'base64url').toString());
  if (!m || Number(m[1]) >= parts) throw bad('_cursor', 'the paging cursor is not one this server wrote');
  return { part: Number(m[1]), key: m[2]! };
}

/** `meta.versionId` and `meta.lastUpdated` of resources written through the API (else version 1). */
export async function attachVersions(sql: Sql, county: string, resources: Resource[]): Promise<void> {
  if (!resources.length) return;
  const rows = await sql.query<{ type: string; id: string; version: number; at: string }>(
    `select v.resource_type as type, v.resource_id as id, v.version_id as version, to_json(v.last_updated) #>> '{}' as at
     from unnest($2::text[], $3::text[]) as k(type, id)
     join fhir_resource_versions v on v.county_code = $1 and v.resource_type = k.type and v.resource_id = k.id`,
    [county, resources.map((r) => r.resourceType), resources.map((r) => r.id!)],
  );
  const found = new Map(rows.map((r) => [`${r.type}/${r.id}`, r]));
  for (const resource of resources) {
    const v = found.get(`${resource.resourceType}/${resource.id}`);
    resource.meta = {
      ...resource.meta,
      versionId: String(v?.version ?? 1),
      ...(v ? { lastUpdated: new Date(v.at).toISOString() } : {}),
    };
  }
}

/** One resource by id, within the scope; null when it does not exist or is out of scope. */
export async function readStore(
  sql: Sql,
  county: string,
  type: string,
  id: string,
  within: string | null,
): Promise<Resource | null> {
  if (!partOfId(type, id)) return null;
  const page = await searchStore(sql, county, {
    type,
    params: [['_id', id]],
    count: 1,
    within,
    strict: true,
  });
  return page.resources[0] ?? null;
}
