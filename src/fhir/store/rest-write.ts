import { randomUUID } from 'node:crypto';
import { WeijianError } from '../../domain/errors.js';
import { fromFhir, type MapContext } from '../index.js';
import { identifierUri } from '../patient.js';
import type { FhirRecord, SourceKey } from '../records.js';
import { SID, SOURCE_PREFIX } from '../systems.js';
import { baseWhere, matchMany, Params, readStore, searchStore } from './rest-search.js';
import { partOfId, REST_TYPES, type RestPart } from './rest-tables.js';
import { sourceKeyText } from './resolve.js';
import type { Sql } from './sql.js';
import { writeBatch, type BatchItem, type PractitionerIndex } from './write-batch.js';

/*
 * Create and update through the FHIR REST API, one resource or a whole transaction, on the writers of the
 * file import (write-batch.ts): the resources are mapped to store records and written set-based in one
 * batch, so a 1 000-entry transaction costs a few statements per table, not per entry. The caller holds the
 * database transaction; any error thrown here means it must roll back — nothing half-written.
 *
 * A REST client speaks in server ids (`Patient/123`), `urn:uuid:` fullUrls and conditional references
 * (`Organization?identifier=…`); the store in natural keys. So before mapping, every reference is looked up
 * (scoped: a resource the caller may not see does not exist for them) and given the identifier the mapping
 * resolves: the resident ID number or another identifier of a Patient, the facility code of an
 * Organization, the source key (`urn:weijian:source:<system>`) of every other record.
 */

/** The source system of records created through the API without a `meta.source`. */
export const API_SOURCE = 'fhir-api';

export interface WriteEntry {
  /** Bundle entry index (for `Bundle.entry[i]` in errors), or null for a single create/update. */
  index: number | null;
  method: 'POST' | 'PUT';
  /** A valid FHIR resource (structure checked); its references are rewritten in place. */
  resource: Record<string, unknown> & { resourceType: string };
  /** PUT: the id in the URL. */
  targetId?: string;
  fullUrl?: string;
  /** Conditional create: the search (query string without `?`) that, when it matches, skips the create. */
  ifNoneExist?: string;
}

export interface WriteOutcome {
  type: string;
  id: string;
  /** 201 created, 200 updated or matched by ifNoneExist. */
  status: 200 | 201;
  versionId: number;
  lastModified: string;
}

export interface Issue {
  code: string;
  field: string;
  message: string;
}

/** One or more problems with what was sent: nothing was written (the transaction rolls back). */
export class WriteRejected extends WeijianError {
  constructor(
    readonly issues: Issue[],
    status: number,
  ) {
    super(
      issues[0]!.code,
      issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      { field: issues[0]!.field },
      status,
    );
  }
}

export interface WriteContext {
  county: string;
  /** The caller's scope within the county (village-code prefix), null = the whole county. */
  within: string | null;
  today: string;
  /** How a search for a conditional reference or ifNoneExist is run (src/api/fhir parses the query). */
  parseQuery(type: string, query: string): [string, string][];
}

const fieldOf = (entry: WriteEntry, field: string): string => {
  const [type, ...rest] = field.split('.');
  if (entry.index === null) return field || entry.resource.resourceType;
  const base = `Bundle.entry[${entry.index}].resource`;
  return type === entry.resource.resourceType || type === '' ? [base, ...rest].join('.') : `${base}.${field}`;
};

type Ref = { reference?: string; identifier?: { system?: string; value?: string }; display?: string };

interface Target {
  type: string;
  /** The identifier the mapping resolves the target by. */
  identifier: { system: string; value: string };
  display?: string;
}

/** Writes the entries as one batch; returns each entry's outcome in order. */
export async function writeResources(
  sql: Sql,
  ctx: WriteContext,
  entries: WriteEntry[],
): Promise<WriteOutcome[]> {
  const issues: Issue[] = [];
  const fail = (status: number) => {
    if (issues.length) throw new WriteRejected(issues, status);
  };
  const skipped = new Map<WriteEntry, string>();
  const targets = new Map<WriteEntry, RestPart | null>();

  // 1. Conditional creates that match (one statement per type and shape of search), and the rows of updates.
  const conditional = entries.filter(
    (e) => e.method === 'POST' && e.ifNoneExist !== undefined && REST_TYPES.includes(e.resource.resourceType),
  );
  const existing = new Map<WriteEntry, string[]>();
  for (const type of new Set(conditional.map((e) => e.resource.resourceType))) {
    const ofType = conditional.filter((e) => e.resource.resourceType === type);
    const found = await matchMany(
      sql,
      ctx.county,
      type,
      ofType.map((e) => ctx.parseQuery(type, e.ifNoneExist!)),
      ctx.within,
    );
    ofType.forEach((e, i) => existing.set(e, found[i]!));
  }
  for (const entry of entries) {
    const type = entry.resource.resourceType;
    if (!REST_TYPES.includes(type)) {
      issues.push({
        code: 'fhir.unsupported-type',
        field: fieldOf(entry, type),
        message: `${type} is not served here (supported: ${REST_TYPES.join(', ')})`,
      });
      continue;
    }
    const matches = existing.get(entry);
    if (matches && matches.length > 1) {
      issues.push({
        code: 'fhir.conditional-ambiguous',
        field: fieldOf(entry, `${type}`),
        message: `ifNoneExist "${entry.ifNoneExist}" matches more than one ${type}`,
      });
      continue;
    }
    if (matches?.length === 1) {
      skipped.set(entry, matches[0]!);
      continue;
    }
    if (entry.method === 'PUT') {
      const found = entry.targetId ? partOfId(type, entry.targetId) : null;
      if (!found) {
        issues.push({
          code: 'fhir.unknown-id',
          field: fieldOf(entry, type),
          message: `${type}/${entry.targetId} is not an id of this server (ids are assigned by the server: create with POST)`,
        });
        continue;
      }
      targets.set(entry, found.part);
    }
  }
  fail(412);

  // 2. Keys: every source-keyed resource gets its natural key before mapping, so references can name it.
  const keys = new Map<WriteEntry, Target>();
  for (const entry of entries) {
    if (skipped.has(entry)) continue;
    const key = await keyEntry(sql, ctx, entry, targets.get(entry) ?? null, issues);
    if (key) keys.set(entry, key);
  }
  fail(404);

  // 3. References → the identifiers the mapping resolves. Every condition and every target of the Bundle is
  // looked up first, one statement per type (a Bundle of 100 patients names the same few facilities 1 000 times).
  const byFullUrl = new Map(entries.flatMap((e) => (e.fullUrl ? [[e.fullUrl, e] as const] : [])));
  const putOf = new Map(
    entries.flatMap((e) =>
      e.method === 'PUT' ? [[`${e.resource.resourceType}/${e.targetId}`, e] as const] : [],
    ),
  );
  const refs = entries.flatMap((entry) =>
    skipped.has(entry)
      ? []
      : referencesIn(entry.resource, '').map(({ ref, path }) => ({
          ref,
          text: ref.reference!,
          field: fieldOf(entry, `${entry.resource.resourceType}${path}`),
        })),
  );
  const isCondition = (text: string) => /^[A-Z][A-Za-z]+\?/.test(text);
  const literal = (text: string) =>
    /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(text);
  const conditions = new Map<string, string[]>();
  const conditionTexts = [...new Set(refs.map((r) => r.text).filter(isCondition))].filter((text) =>
    REST_TYPES.includes(text.slice(0, text.indexOf('?'))),
  );
  for (const type of new Set(conditionTexts.map((t) => t.slice(0, t.indexOf('?'))))) {
    const ofType = conditionTexts.filter((t) => t.startsWith(`${type}?`));
    const found = await matchMany(
      sql,
      ctx.county,
      type,
      ofType.map((t) => ctx.parseQuery(type, t.slice(t.indexOf('?') + 1))),
      ctx.within,
    );
    ofType.forEach((t, i) => conditions.set(t, found[i]!));
  }
  const wanted: { type: string; id: string }[] = [];
  for (const { text } of refs) {
    if (text.startsWith('urn:uuid:') || text.startsWith('urn:oid:')) {
      const other = byFullUrl.get(text);
      const id = other && skipped.get(other);
      if (id) wanted.push({ type: other.resource.resourceType, id });
    } else if (isCondition(text)) {
      const ids = conditions.get(text);
      if (ids?.length === 1) wanted.push({ type: text.slice(0, text.indexOf('?')), id: ids[0]! });
    } else {
      const m = literal(text);
      if (m && !putOf.has(`${m[1]}/${m[2]}`)) wanted.push({ type: m[1]!, id: m[2]! });
    }
  }
  const found = await targetsOf(sql, ctx, wanted);
  const targetOf = (type: string, id: string) => found.get(`${type}/${id}`) ?? null;
  for (const { ref, text, field } of refs) {
    let target: Target | null;
    if (text.startsWith('urn:uuid:') || text.startsWith('urn:oid:')) {
      const other = byFullUrl.get(text);
      if (!other) {
        issues.push({
          code: 'fhir.unknown-reference',
          field,
          message: `${text} is not the fullUrl of an entry of this Bundle`,
        });
        continue;
      }
      const existingId = skipped.get(other);
      target = existingId ? targetOf(other.resource.resourceType, existingId) : (keys.get(other) ?? null);
    } else if (isCondition(text)) {
      const type = text.slice(0, text.indexOf('?'));
      if (!REST_TYPES.includes(type)) {
        issues.push({ code: 'fhir.unknown-reference', field, message: `${type} is not served here` });
        continue;
      }
      const ids = conditions.get(text)!;
      if (ids.length !== 1) {
        issues.push({
          code: ids.length ? 'fhir.conditional-ambiguous' : 'fhir.unknown-reference',
          field,
          message: `conditional reference ${text} matches ${ids.length ? 'more than one' : 'no'} ${type}`,
        });
        continue;
      }
      target = targetOf(type, ids[0]!);
    } else {
      const m = literal(text);
      if (!m) {
        issues.push({ code: 'fhir.reference', field, message: `cannot read reference "${text}"` });
        continue;
      }
      const inBundle = putOf.get(`${m[1]}/${m[2]}`);
      target = (inBundle && keys.get(inBundle)) || targetOf(m[1]!, m[2]!);
      if (!target) {
        issues.push({ code: 'fhir.unknown-reference', field, message: `${m[1]}/${m[2]} does not exist` });
        continue;
      }
    }
    if (!target) {
      issues.push({ code: 'fhir.unknown-reference', field, message: `${text} could not be resolved` });
      continue;
    }
    // The identifier names the record in the store; the literal reference stays for the elements the
    // mapping does not read (a urn:uuid or a condition has no meaning once stored).
    ref.identifier = target.identifier;
    if (text.startsWith('urn:') || text.includes('?')) delete ref.reference;
    if (target.display && !ref.display) ref.display = target.display;
  }
  fail(422);

  // 4. Map to store records.
  const mapCtx: MapContext = { today: ctx.today, defaultSource: API_SOURCE };
  const items: (BatchItem & { entry: WriteEntry })[] = [];
  for (const [i, entry] of entries.entries()) {
    if (skipped.has(entry)) continue;
    try {
      const record = fromFhir(entry.resource, mapCtx);
      const part = targets.get(entry);
      if (
        part &&
        record.table !== part.table &&
        !(part.table === 'staff' && record.table === 'practitioners')
      )
        throw new WeijianError(
          'fhir.id-kind',
          `${entry.resource.resourceType}/${entry.targetId} is a ${part.table} record; this resource would be another kind`,
          { field: entry.resource.resourceType },
        );
      items.push({ record, place: { entry: entry.index ?? i }, entry });
    } catch (error) {
      if (!(error instanceof WeijianError)) throw error;
      issues.push({
        code: error.code,
        field: fieldOf(entry, error.place.field ?? ''),
        message: error.message,
      });
    }
  }
  // A malformed element (an impossible date, a missing element) is a bad request; the rest are rules of the store.
  fail(issues.every((i) => i.code === 'fhir.invalid' || i.code === 'fhir.required') ? 400 : 422);
  await checkResidentIdNumbers(sql, ctx, items, targets, issues);
  fail(409);

  // 5. Write, as the file import does.
  const practitioners: PractitionerIndex = new Map();
  const result = await writeBatch(sql, ctx.county, items, practitioners);
  const itemOf = (index: number | undefined) => items.find((i) => i.place.entry === index)!;
  for (const reject of result.rejects) {
    const entry = itemOf(reject.entry).entry;
    issues.push({ code: reject.code, field: fieldOf(entry, reject.field ?? ''), message: reject.reason });
  }
  for (const { record, place, used } of practitioners.values()) {
    if (!used)
      issues.push({
        code: 'fhir.practitioner-without-role',
        field: fieldOf(itemOf(place.entry).entry, 'Practitioner'),
        message:
          'the store keeps a person inside an employment: send the Practitioner with a PractitionerRole that names it',
      });
    void record;
  }
  fail(422);

  // 6. The ids of what was written, the scope of what was written, the versions.
  const ids = await idsOf(sql, ctx.county, items);
  const outcomes: { entry: WriteEntry; type: string; id: string; created: boolean }[] = [];
  for (const [i, entry] of entries.entries()) {
    const type = entry.resource.resourceType;
    const existing = skipped.get(entry);
    if (existing) {
      outcomes.push({ entry, type, id: existing, created: false });
      continue;
    }
    const item = items.find((x) => x.entry === entry)!;
    const id = ids.get(item) ?? null;
    if (id === null) throw new Error(`entry ${i} was written but its row was not found`);
    if (entry.method === 'PUT' && id !== entry.targetId)
      issues.push({
        code: 'fhir.update-conflict',
        field: fieldOf(entry, type),
        message: `this resource is ${type}/${id} in the store (its identifiers say so), not ${type}/${entry.targetId}`,
      });
    outcomes.push({ entry, type, id, created: entry.method === 'POST' });
  }
  fail(409);
  await checkScope(sql, ctx, outcomes, issues);
  fail(403);
  const versions = await bumpVersions(
    sql,
    ctx.county,
    outcomes.filter((o) => !skipped.has(o.entry)),
    targets,
  );
  return outcomes.map((o) => {
    const v = versions.get(`${o.type}/${o.id}`);
    return {
      type: o.type,
      id: o.id,
      status: o.created ? 201 : 200,
      versionId: v?.version ?? 1,
      lastModified: v?.at ?? new Date().toISOString(),
    };
  });
}

/** Every `{reference}` in a resource with its path (`.subject`, `.performer[0]`), contained ones left out. */
function referencesIn(node: unknown, path: string): { ref: Ref; path: string }[] {
  if (Array.isArray(node)) return node.flatMap((x, i) => referencesIn(x, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const out: { ref: Ref; path: string }[] = [];
  const obj = node as Record<string, unknown>;
  if (typeof obj.reference === 'string' && !obj.reference.startsWith('#'))
    out.push({ ref: obj as Ref, path });
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'contained' || key === 'reference') continue;
    out.push(...referencesIn(value, `${path}.${key}`));
  }
  return out;
}

/**
 * The natural key of an entry, written into the resource as the identifier the mapping reads: the facility
 * or region code, else `urn:weijian:source:<system>` — a new one for a create (`meta.source` or fhir-api, a
 * UUID), the stored one for an update.
 */
async function keyEntry(
  sql: Sql,
  ctx: WriteContext,
  entry: WriteEntry,
  part: RestPart | null,
  issues: Issue[],
): Promise<Target | null> {
  const r = entry.resource as {
    resourceType: string;
    identifier?: { system?: string; value?: string }[];
    meta?: { source?: string };
  };
  const type = r.resourceType;
  if (type === 'Organization' || type === 'Location') {
    const system = type === 'Organization' ? SID.facilityCode : SID.regionCode;
    const code = r.identifier?.find((i) => i.system === system)?.value;
    if (entry.method === 'PUT') {
      const wanted = partOfId(type, entry.targetId!)!.key;
      if (code !== undefined && code !== wanted) {
        issues.push({
          code: 'fhir.id-mismatch',
          field: fieldOf(entry, `${type}.identifier`),
          message: `the ${system} identifier ${code} differs from the id ${entry.targetId}`,
        });
        return null;
      }
      if (code === undefined) r.identifier = [...(r.identifier ?? []), { system, value: wanted }];
      return { type, identifier: { system, value: wanted } };
    }
    // Without a code the mapping rejects the resource with its own message.
    return code ? { type, identifier: { system, value: code } } : null;
  }
  let key: SourceKey;
  if (entry.method === 'PUT') {
    const stored = await storedKey(sql, ctx, type, entry.targetId!, part!);
    if (!stored) {
      issues.push({
        code: 'fhir.not-found',
        field: fieldOf(entry, type),
        message: `${type}/${entry.targetId} does not exist (ids are assigned by the server: create with POST)`,
      });
      return null;
    }
    key = stored;
    // The stored source identifier names the row; another one in the body would name another record.
    r.identifier = (r.identifier ?? []).filter(
      (i) => !i.system?.startsWith(SOURCE_PREFIX) || sourceOf(i) === sourceKeyText(key),
    );
  } else {
    const own = r.identifier?.find((i) => i.system?.startsWith(SOURCE_PREFIX) && i.value);
    key = own
      ? { system: own.system!.slice(SOURCE_PREFIX.length), id: own.value! }
      : { system: r.meta?.source ?? API_SOURCE, id: randomUUID() };
  }
  const identifier = { system: `${SOURCE_PREFIX}${key.system}`, value: key.id };
  if (!r.identifier?.some((i) => i.system === identifier.system && i.value === identifier.value))
    r.identifier = [...(r.identifier ?? []), identifier];
  return { type, identifier };
}

const sourceOf = (i: { system?: string; value?: string }) =>
  sourceKeyText({ system: i.system!.slice(SOURCE_PREFIX.length), id: i.value ?? '' });

/** The source key of a stored row (a resident: one of its source identifiers, added when it has none). */
async function storedKey(
  sql: Sql,
  ctx: WriteContext,
  type: string,
  id: string,
  part: RestPart,
): Promise<SourceKey | null> {
  const visible = await readStore(sql, ctx.county, type, id, ctx.within);
  if (!visible) return null;
  const key = partOfId(type, id)!.key;
  if (part.table === 'residents') return residentAnchor(sql, ctx.county, Number(key));
  const [row] = await sql.query<{ system: string; id: string }>(
    `select source_system as system, source_id as id from ${part.table} where county_code = $1 and id = $2::bigint`,
    [ctx.county, key],
  );
  return row ?? null;
}

/** A resident's source identifier (`source:<system>`), created (fhir-api, a UUID) when it has none. */
async function residentAnchor(sql: Sql, county: string, id: number): Promise<SourceKey> {
  const [row] = await sql.query<{ system: string; value: string }>(
    `select system, value from resident_identifiers where county_code = $1 and resident_id = $2 and system like 'source:%' order by system, value limit 1`,
    [county, id],
  );
  if (row) return { system: row.system.slice('source:'.length), id: row.value };
  const key = { system: API_SOURCE, id: randomUUID() };
  await sql.query(
    `insert into resident_identifiers (county_code, system, value, resident_id) values ($1, $2, $3, $4)`,
    [county, `source:${key.system}`, key.id, id],
  );
  return key;
}

/**
 * What references to `Type/id` become: the identifier of each row the caller may see (absent: unknown or out
 * of scope), one statement per table.
 */
async function targetsOf(
  sql: Sql,
  ctx: WriteContext,
  wanted: { type: string; id: string }[],
): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  const byPart = new Map<RestPart, Map<string, { type: string; id: string }>>();
  for (const w of wanted) {
    const found = partOfId(w.type, w.id);
    if (!found) continue;
    const keys = byPart.get(found.part) ?? new Map<string, { type: string; id: string }>();
    keys.set(found.key, w);
    byPart.set(found.part, keys);
  }
  for (const [part, keys] of byPart) {
    const p = new Params(ctx.county);
    const where = baseWhere(part, p, ctx.within);
    const type = part.type;
    const set = (key: string, target: Target) => targets.set(`${type}/${keys.get(key)!.id}`, target);
    if (part.key === 'code') {
      const rows = await sql.query<{ key: string }>(
        `select t.code as key from ${part.table} t where ${where.join(' and ')} and t.code = any(${p.add([...keys.keys()])}::text[])`,
        p.values,
      );
      const system = type === 'Organization' ? SID.facilityCode : SID.regionCode;
      for (const r of rows) set(r.key, { type, identifier: { system, value: r.key } });
      continue;
    }
    if (part.table === 'residents') {
      const rows = await sql.query<{
        key: string;
        rid: string | null;
        system: string | null;
        value: string | null;
      }>(
        `select t.id::text as key, t.resident_id_number as rid, i.system, i.value from residents t
         left join lateral (select system, value from resident_identifiers x where x.county_code = t.county_code and x.resident_id = t.id
                            order by x.system like 'source:%' desc, x.system, x.value limit 1) i on true
         where ${where.join(' and ')} and t.id = any(${p.add([...keys.keys()])}::bigint[])`,
        p.values,
      );
      for (const row of rows) {
        if (row.rid) set(row.key, { type, identifier: { system: SID.residentId, value: row.rid } });
        else if (row.system && row.value)
          set(row.key, { type, identifier: { system: identifierUri(row.system), value: row.value } });
        else {
          const anchor = await residentAnchor(sql, ctx.county, Number(row.key));
          set(row.key, {
            type,
            identifier: { system: `${SOURCE_PREFIX}${anchor.system}`, value: anchor.id },
          });
        }
      }
      continue;
    }
    const rows = await sql.query<{ key: string; system: string; sid: string; name: string | null }>(
      `select t.id::text as key, t.source_system as system, t.source_id as sid, ${part.table === 'staff' ? 't.name' : 'null'} as name
       from ${part.table} t where ${where.join(' and ')} and t.id = any(${p.add([...keys.keys()])}::bigint[])`,
      p.values,
    );
    for (const row of rows)
      set(row.key, {
        type,
        identifier: { system: `${SOURCE_PREFIX}${row.system}`, value: row.sid },
        ...(row.name ? { display: row.name } : {}),
      });
  }
  return targets;
}

/**
 * The master patient index's rule for the API: a resident ID number names one person. A create with a
 * number already held is a conflict (update that Patient, or use a conditional create); an update may not
 * take another resident's number nor change its own (a correction goes through the duplicate review).
 */
async function checkResidentIdNumbers(
  sql: Sql,
  ctx: WriteContext,
  items: (BatchItem & { entry: WriteEntry })[],
  targets: Map<WriteEntry, RestPart | null>,
  issues: Issue[],
): Promise<void> {
  const patients = items.filter((i) => i.record.table === 'residents');
  const rids = patients.flatMap((i) =>
    i.record.table === 'residents' && i.record.residentIdNumber ? [i.record.residentIdNumber] : [],
  );
  const targetIds = patients.flatMap((i) =>
    targets.get(i.entry) ? [Number(partOfId('Patient', i.entry.targetId!)!.key)] : [],
  );
  if (!rids.length && !targetIds.length) return;
  const rows = await sql.query<{ id: string; rid: string | null }>(
    `select id::text, resident_id_number as rid from residents where county_code = $1 and (resident_id_number = any($2::text[]) or id = any($3::bigint[]))`,
    [ctx.county, rids, targetIds],
  );
  for (const item of patients) {
    if (item.record.table !== 'residents') continue;
    const rid = item.record.residentIdNumber;
    const field = fieldOf(item.entry, 'Patient.identifier');
    const holder = rid ? rows.find((r) => r.rid === rid) : undefined;
    if (item.entry.method === 'POST' && holder) {
      issues.push({
        code: 'fhir.duplicate',
        field,
        message: `the resident ID number is already held by Patient/${holder.id}: update that Patient, or create with ifNoneExist`,
      });
    } else if (item.entry.method === 'PUT') {
      const own = rows.find((r) => r.id === partOfId('Patient', item.entry.targetId!)!.key);
      if (holder && holder.id !== own?.id)
        issues.push({
          code: 'fhir.duplicate',
          field,
          message: `the resident ID number is held by another Patient/${holder.id}`,
        });
      else if (own?.rid && rid && own.rid !== rid)
        issues.push({
          code: 'fhir.resident-id-changed',
          field,
          message:
            'the resident ID number of a Patient cannot be changed by an update (the master patient index review corrects it)',
        });
    }
  }
}

/** The FHIR id of each written item, from its natural key. */
async function idsOf(
  sql: Sql,
  county: string,
  items: (BatchItem & { entry: WriteEntry })[],
): Promise<Map<BatchItem, string>> {
  const ids = new Map<BatchItem, string>();
  const byTable = new Map<string, (BatchItem & { entry: WriteEntry })[]>();
  for (const item of items) byTable.set(item.record.table, [...(byTable.get(item.record.table) ?? []), item]);
  const prefix: Record<string, string> = {
    chronic_disease_registrations: 'r',
    pregnancies: 'p',
    chronic_disease_follow_ups: 'f',
    health_checkups: 'c',
    child_health_checks: 'k',
    deaths: 'd',
  };
  for (const [table, group] of byTable) {
    if (table === 'regions' || table === 'facilities') {
      for (const item of group) {
        const code = (item.record as Extract<FhirRecord, { table: 'regions' | 'facilities' }>).code;
        ids.set(item, table === 'facilities' ? organizationFhirId(code) : code);
      }
      continue;
    }
    if (table === 'practitioners') continue;
    const keys = group.map((i) =>
      i.record.table === 'residents'
        ? { system: `source:${i.record.source.system}`, id: i.record.source.id }
        : (i.record as { source: SourceKey }).source,
    );
    const rows =
      table === 'residents'
        ? await sql.query<{ system: string; sid: string; id: string }>(
            `select k.system, k.id as sid, coalesce(r.merged_into_id, r.id)::text as id from unnest($2::text[], $3::text[]) as k(system, id)
             join resident_identifiers i on i.county_code = $1 and i.system = k.system and i.value = k.id
             join residents r on r.county_code = $1 and r.id = i.resident_id`,
            [county, keys.map((k) => k.system), keys.map((k) => k.id)],
          )
        : await sql.query<{ system: string; sid: string; id: string }>(
            `select t.source_system as system, t.source_id as sid, t.id::text as id from unnest($2::text[], $3::text[]) as k(system, id)
             join ${table} t on t.county_code = $1 and t.source_system = k.system and t.source_id = k.id`,
            [county, keys.map((k) => k.system), keys.map((k) => k.id)],
          );
    const found = new Map(rows.map((r) => [sourceKeyText({ system: r.system, id: r.sid }), r.id]));
    group.forEach((item, i) => {
      const id = found.get(sourceKeyText(keys[i]!));
      if (id !== undefined) ids.set(item, `${prefix[table] ?? ''}${id}`);
    });
  }
  // A Practitioner is the person of the staff row of its role in the same batch.
  for (const item of items) {
    if (item.record.table !== 'practitioners') continue;
    const person = sourceKeyText(item.record.key);
    const role = items.find(
      (i) => i.record.table === 'staff' && sourceKeyText(i.record.practitioner) === person,
    );
    const id = role ? ids.get(role) : undefined;
    if (id !== undefined) ids.set(item, id);
  }
  return ids;
}

const organizationFhirId = (code: string) =>
  /^[A-Za-z0-9\-.]{1,64}$/.test(code) ? code : `x-${Buffer.from(code).toString('hex')}`.slice(0, 64);

/** What a caller writes must be theirs to see: within their scope; county-wide records need a county-wide scope. */
async function checkScope(
  sql: Sql,
  ctx: WriteContext,
  outcomes: { entry: WriteEntry; type: string; id: string }[],
  issues: Issue[],
): Promise<void> {
  if (ctx.within === null) return;
  const byType = new Map<string, string[]>();
  for (const o of outcomes) byType.set(o.type, [...(byType.get(o.type) ?? []), o.id]);
  for (const [type, ids] of byType) {
    const unique = [...new Set(ids)];
    const seen = new Set<string>();
    if (!['Organization', 'Location', 'Practitioner', 'PractitionerRole'].includes(type)) {
      for (let i = 0; i < unique.length; i += 500) {
        const chunk = unique.slice(i, i + 500);
        const page = await searchStore(sql, ctx.county, {
          type,
          params: [['_id', chunk.join(',')]],
          count: chunk.length,
          within: ctx.within,
          strict: true,
        });
        page.resources.forEach((r) => seen.add(r.id!));
      }
    }
    for (const o of outcomes.filter((x) => x.type === type && !seen.has(x.id))) {
      issues.push({
        code: 'access.out-of-scope',
        field: fieldOf(o.entry, type),
        message: ['Organization', 'Location', 'Practitioner', 'PractitionerRole'].includes(type)
          ? `${type} records are the county's: writing them needs a county-wide data scope`
          : `${type}/${o.id} would be outside your data scope (${ctx.within}…)`,
      });
    }
  }
}

/** Version 1 for a new resource, one more for an update (a row never written here counts as version 1). */
async function bumpVersions(
  sql: Sql,
  county: string,
  outcomes: { entry: WriteEntry; type: string; id: string; created: boolean }[],
  targets: Map<WriteEntry, RestPart | null>,
): Promise<Map<string, { version: number; at: string }>> {
  const unique = [...new Map(outcomes.map((o) => [`${o.type}/${o.id}`, o])).values()];
  if (!unique.length) return new Map();
  const rows = await sql.query<{ type: string; id: string; version: number; at: string }>(
    `insert into fhir_resource_versions as v (county_code, resource_type, resource_id, version_id, last_updated)
     select $1, k.type, k.id, k.first, now() from unnest($2::text[], $3::text[], $4::int[]) as k(type, id, first)
     on conflict (county_code, resource_type, resource_id) do update set version_id = v.version_id + 1, last_updated = now()
     returning v.resource_type as type, v.resource_id as id, v.version_id as version, to_json(v.last_updated) #>> '{}' as at`,
    [
      county,
      unique.map((o) => o.type),
      unique.map((o) => o.id),
      unique.map((o) => (targets.has(o.entry) || !o.created ? 2 : 1)),
    ],
  );
  return new Map(
    rows.map((r) => [`${r.type}/${r.id}`, { version: r.version, at: new Date(r.at).toISOString() }]),
  );
}
