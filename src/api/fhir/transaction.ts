import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { WeijianError } from '../../domain/errors.js';
import { REST_TYPES } from '../../fhir/store/rest-tables.js';
import {
  WriteRejected,
  writeResources,
  type Issue,
  type WriteContext,
  type WriteEntry,
  type WriteOutcome,
} from '../../fhir/store/rest-write.js';
import type { Database } from '../../store/db.js';
import { inTransaction } from './context.js';
import { errorOutcome } from './outcome.js';
import { r4IssuesMany } from './validate.js';

/*
 * `POST /fhir` with a Bundle (R4 http §3.1.0.11): `transaction` is all or nothing — one failing entry and
 * nothing is stored, the answer is the OperationOutcome of every problem; `batch` runs each entry on its own
 * and answers each with its status. Entries are POST (create, with ifNoneExist) and PUT Type/id (update).
 */

export interface BundleResult {
  bundle: Bundle;
  counts: Record<string, number>;
}

/**
 * The entries of a Bundle, the structural problems of each, and — still running — their R4 validation; both
 * lists of problems in entry order once merged by `withR4`.
 */
async function entriesOf(
  bundle: Record<string, unknown>,
  background: boolean,
): Promise<{ entries: WriteEntry[]; issues: Issue[]; withR4: Promise<Issue[]> }> {
  const entries: WriteEntry[] = [];
  const raw = bundle.entry;
  if (raw !== undefined && !Array.isArray(raw)) {
    const issues = [{ code: 'fhir.structure', field: 'Bundle.entry', message: 'entry must be an array' }];
    return { entries, issues, withR4: Promise.resolve(issues) };
  }
  const list = (raw ?? []) as BundleEntry[];
  const each: Issue[][] = list.map(() => []);
  const toValidate: { index: number; resource: unknown; base: string }[] = [];
  for (const [index, e] of list.entries()) {
    const issues = each[index]!;
    const at = `Bundle.entry[${index}]`;
    const method = e?.request?.method;
    const url = e?.request?.url ?? '';
    const resource = e?.resource as (Resource & Record<string, unknown>) | undefined;
    if (method !== 'POST' && method !== 'PUT') {
      issues.push({
        code: 'fhir.not-supported',
        field: `${at}.request.method`,
        message: `${method ?? 'no method'}: entries may be POST (create) or PUT (update)`,
      });
      continue;
    }
    if (!resource || typeof resource !== 'object') {
      issues.push({ code: 'fhir.required', field: `${at}.resource`, message: 'the entry has no resource' });
      continue;
    }
    const m =
      method === 'POST'
        ? /^([A-Z][A-Za-z]+)\/?$/.exec(url)
        : /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(url);
    if (!m) {
      issues.push({
        code: 'fhir.request-url',
        field: `${at}.request.url`,
        message:
          method === 'POST'
            ? `expected a type, e.g. "Patient", got "${url}"`
            : `expected Type/id (conditional update is not supported), got "${url}"`,
      });
      continue;
    }
    if (resource.resourceType !== m[1]) {
      issues.push({
        code: 'fhir.wrong-type',
        field: `${at}.resource.resourceType`,
        message: `the resource is a ${String(resource.resourceType)} but request.url names ${m[1]}`,
      });
      continue;
    }
    if (!REST_TYPES.includes(m[1]!)) {
      issues.push({
        code: 'fhir.unsupported-type',
        field: `${at}.request.url`,
        message: `${m[1]} is not served here (supported: ${REST_TYPES.join(', ')})`,
      });
      continue;
    }
    if (method === 'PUT' && resource.id !== undefined && resource.id !== m[2]) {
      issues.push({
        code: 'fhir.id-mismatch',
        field: `${at}.resource.id`,
        message: `the resource id ${String(resource.id)} differs from ${m[2]} in request.url`,
      });
      continue;
    }
    toValidate.push({ index, resource, base: `${at}.resource` });
    entries.push({
      index,
      method,
      resource: resource as WriteEntry['resource'],
      ...(method === 'PUT' ? { targetId: m[2] } : {}),
      ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}),
      ...(e.request?.ifNoneExist ? { ifNoneExist: e.request.ifNoneExist.replace(/^[A-Za-z]+\?/, '') } : {}),
    });
  }
  const structural = each.flat();
  const withR4 = r4IssuesMany(toValidate, { background }).then((found) => {
    toValidate.forEach((v, n) => each[v.index]!.push(...found[n]!));
    return each.flat();
  });
  // Awaited later (after the write has started): a failure then is not an unhandled rejection meanwhile.
  withR4.catch(() => undefined);
  return { entries, issues: structural, withR4 };
}

const statusText = (s: number) => (s === 201 ? '201 Created' : '200 OK');

function responseEntry(o: WriteOutcome): BundleEntry {
  return {
    response: {
      status: statusText(o.status),
      location: `${o.type}/${o.id}/_history/${o.versionId}`,
      etag: `W/"${o.versionId}"`,
      lastModified: o.lastModified,
    },
  };
}

export async function runBundle(database: Database, ctx: WriteContext, body: unknown): Promise<BundleResult> {
  const bundle = body as Record<string, unknown> | null;
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle')
    throw new WeijianError(
      'fhir.wrong-type',
      `POST ${'/fhir'} takes a Bundle, got ${String(bundle?.resourceType ?? 'no resourceType')}`,
      { field: 'resourceType' },
      400,
    );
  const type = bundle.type;
  if (type !== 'transaction' && type !== 'batch')
    throw new WeijianError(
      'fhir.bundle-type',
      `Bundle.type must be transaction or batch, got ${String(type)}`,
      { field: 'Bundle.type' },
      400,
    );
  const counts: Record<string, number> = {};
  const count = (o: WriteOutcome) => (counts[o.type] = (counts[o.type] ?? 0) + 1);
  if (type === 'transaction') {
    // The write runs while the workers validate; it commits only once every resource is known valid, and
    // R4 problems, when there are any, are the answer whatever the write met (as if validated first).
    const { entries, issues: structural, withR4 } = await entriesOf(bundle, true);
    const invalid = async () => {
      const issues = await withR4;
      if (issues.length) throw new WriteRejected(issues, 400);
    };
    if (structural.length) await invalid();
    let outcomes: WriteOutcome[];
    try {
      outcomes = await inTransaction(database, async (sql) => {
        const written = await writeResources(sql, ctx, entries);
        await invalid();
        return written;
      });
    } catch (error) {
      await invalid();
      throw error;
    }
    outcomes.forEach(count);
    return {
      bundle: { resourceType: 'Bundle', type: 'transaction-response', entry: outcomes.map(responseEntry) },
      counts,
    };
  }
  // batch: each entry alone; a structural problem fails only its entry.
  const parsed = await entriesOf(bundle, false);
  const { entries } = parsed;
  const issues = await parsed.withR4;
  const total = Array.isArray(bundle.entry) ? bundle.entry.length : 0;
  const answers: BundleEntry[] = [];
  for (let index = 0; index < total; index++) {
    const own = issues.filter((i) => i.field.startsWith(`Bundle.entry[${index}]`));
    const entry = entries.find((e) => e.index === index);
    if (own.length || !entry) {
      answers.push(
        failed(
          new WriteRejected(
            own.length
              ? own
              : [{ code: 'fhir.structure', field: `Bundle.entry[${index}]`, message: 'invalid entry' }],
            400,
          ),
        ),
      );
      continue;
    }
    try {
      const [outcome] = await inTransaction(database, (sql) => writeResources(sql, ctx, [entry]));
      count(outcome!);
      answers.push(responseEntry(outcome!));
    } catch (error) {
      if (!(error instanceof WeijianError)) throw error;
      answers.push(failed(error));
    }
  }
  return { bundle: { resourceType: 'Bundle', type: 'batch-response', entry: answers }, counts };
}

function failed(error: Error): BundleEntry {
  const { status, outcome } = errorOutcome(error);
  return { response: { status: String(status), outcome } };
}
