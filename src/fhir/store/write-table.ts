import type { Reject } from '../../domain/import-report.js';
import type { FhirRecord } from '../records.js';
import {
  resolveFacilities,
  resolveRegions,
  resolveResidents,
  resolveSource,
  residentKey,
  sourceKeyText,
  type ResolvedResident,
} from './resolve.js';
import { upsert, type Sql } from './sql.js';
import type { Lookup, RecordRef, TableSpec } from './table-specs.js';
import type { BatchItem } from './write-batch.js';

/** References resolved once for the whole batch (after its residents and facilities are written). */
export interface ResolveCache {
  residents: Map<string, ResolvedResident>;
  facilities: Map<string, number>;
}

export interface TableResult<R> {
  written: number;
  rejects: Reject[];
  /** Written records with their row ids (for child rows). */
  ids: { item: BatchItem<R>; id: number }[];
}

/**
 * Writes one table's records of a batch: resolve every reference with one query per kind, reject the
 * records whose references do not resolve (or that predate the patient's birth), upsert the rest in one
 * statement keyed by the natural key.
 */
export async function writeTable<R extends FhirRecord>(
  sql: Sql,
  county: string,
  table: string,
  spec: TableSpec<R>,
  items: BatchItem<R>[],
  cache?: ResolveCache,
): Promise<TableResult<R>> {
  // Records with their own natural key (a source key, a facility code): the same record twice in a batch
  // keeps the later version (ON CONFLICT cannot touch a row twice). Others are deduplicated by their
  // conflict columns once their references are resolved (below).
  const naturalKey = (r: R, i: number) =>
    'source' in r ? sourceKeyText(r.source) : 'code' in r ? r.code : `#${i}`;
  const latest = [...new Map(items.map((item, i) => [naturalKey(item.record, i), item])).values()];
  const refs = latest.map((i) => spec.refs(i.record).filter((r): r is RecordRef => r !== null));
  const all = refs.flat();
  const of = <K extends RecordRef['kind']>(kind: K) =>
    all.filter((r): r is Extract<RecordRef, { kind: K }> => r.kind === kind);
  const residents =
    cache?.residents ??
    (await resolveResidents(
      sql,
      county,
      of('resident').map((r) => r.ref),
    ));
  const facilities =
    cache?.facilities ??
    (await resolveFacilities(
      sql,
      county,
      of('facility').map((r) => r.code),
    ));
  const regions = await resolveRegions(
    sql,
    county,
    of('region').map((r) => r.code),
  );
  const sources = new Map<string, Map<string, number>>();
  for (const t of new Set(of('source').map((r) => r.table))) {
    sources.set(
      t,
      await resolveSource(
        sql,
        county,
        t,
        of('source')
          .filter((r) => r.table === t)
          .map((r) => r.key),
      ),
    );
  }

  const rejects: Reject[] = [];
  const kept: BatchItem<R>[] = [];
  latest.forEach((item, i) => {
    const problem = refs[i]!.map((ref) => unresolved(ref, residents, facilities, regions, sources)).find(
      (p) => p,
    );
    if (problem) return rejects.push({ ...item.place, ...problem });
    const birth = item.record.notBeforeBirth;
    const patient = refs[i]!.find((r) => r.kind === 'resident');
    const born = patient?.kind === 'resident' ? residents.get(residentKey(patient.ref))?.birthDate : null;
    if (birth && born && birth.date < born) {
      return rejects.push({
        ...item.place,
        field: birth.field,
        code: 'fhir.before-birth',
        reason: `${birth.date} is before the patient's birth (${born})`,
      });
    }
    kept.push(item);
  });

  const lookup: Lookup = {
    county,
    resident: (ref) => (ref ? (residents.get(residentKey(ref))?.id ?? null) : null),
    residentCounty: (ref) => (ref ? (residents.get(residentKey(ref))?.countyCode ?? null) : null),
    facility: (code) => (code ? (facilities.get(code) ?? null) : null),
    source: (t, key) => (key ? (sources.get(t)?.get(sourceKeyText(key)) ?? null) : null),
  };
  const rows = kept.flatMap((item) =>
    Array.from({ length: spec.rows?.(item.record) ?? 1 }, (_, row) => ({ item, row })),
  );
  const values = spec.columns.map(([, , read]) => rows.map((r) => read(r.item.record, lookup, r.row)));
  const conflict = spec.conflict ?? (table === 'facilities' ? ['code'] : ['source_system', 'source_id']);
  const unique = spec.conflict ? lastOfEachKey(spec.columns, values, conflict) : null;
  const columns = spec.columns.map(([name, type], c) => ({
    name,
    type,
    values: unique ? unique.map((r) => values[c]![r]) : values[c]!,
  }));
  if (spec.conflict) {
    await upsert(sql, table, county, columns, conflict, { keep: spec.keep });
    return { written: items.length - rejects.length, rejects, ids: [] };
  }
  const returned = await upsert<{ id: string | number; key: string }>(sql, table, county, columns, conflict, {
    returning:
      table === 'facilities' ? 'id, code as key' : `id, source_system || chr(31) || source_id as key`,
    keep: spec.keep,
  });
  const byKey = new Map(kept.map((i, n) => [naturalKey(i.record, n), i]));
  const ids = returned.map((row) => ({ item: byKey.get(row.key)!, id: Number(row.id) }));
  return { written: kept.length + (items.length - latest.length), rejects, ids };
}

/** Row indexes keeping only the last row of each conflict key (a later record in the batch wins). */
function lastOfEachKey(
  columns: readonly [string, ...unknown[]][],
  values: unknown[][],
  conflict: string[],
): number[] {
  const keyColumns = conflict.map((name) => values[columns.findIndex(([n]) => n === name)]!);
  const last = new Map<string, number>();
  const count = values[0]?.length ?? 0;
  for (let r = 0; r < count; r++) last.set(keyColumns.map((v) => String(v[r])).join('\u001f'), r);
  return [...last.values()].sort((a, b) => a - b);
}

function unresolved(
  ref: RecordRef,
  residents: Map<string, ResolvedResident>,
  facilities: Map<string, number>,
  regions: Set<string>,
  sources: Map<string, Map<string, number>>,
): Pick<Reject, 'field' | 'code' | 'reason'> | undefined {
  switch (ref.kind) {
    case 'resident':
      if (residents.has(residentKey(ref.ref))) return undefined;
      return {
        field: ref.field,
        code: 'fhir.unknown-patient',
        reason: `patient ${'rid' in ref.ref ? `with resident ID number ${ref.ref.rid}` : `${ref.ref.system} ${ref.ref.value}`} not found (in this import or the database)`,
      };
    case 'facility':
      if (facilities.has(ref.code)) return undefined;
      return {
        field: ref.field,
        code: 'fhir.unknown-facility',
        reason: `facility ${ref.code} does not exist`,
      };
    case 'region':
      if (regions.has(ref.code)) return undefined;
      return {
        field: ref.field,
        code: 'fhir.unknown-region',
        reason: `unknown region code ${ref.code} (not a region of the county)`,
      };
    case 'source':
      if (sources.get(ref.table)?.has(sourceKeyText(ref.key))) return undefined;
      return {
        field: ref.field,
        code: 'fhir.unknown-reference',
        reason: `${ref.table} record ${ref.key.system}/${ref.key.id} not found`,
      };
  }
}
