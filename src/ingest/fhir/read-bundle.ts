import { readFile, stat } from 'node:fs/promises';
import { WeijianError } from '../../domain/errors.js';
import type { FhirInput } from './input.js';

/** A Bundle is one JSON document, so it is read whole; bigger exchanges belong in NDJSON. */
export const maxBundleBytes = 256 * 1024 * 1024;

const BUNDLE_TYPES = ['transaction', 'batch', 'collection'];

interface Entry {
  fullUrl?: string;
  resource?: { resourceType?: string; id?: string } & Record<string, unknown>;
  request?: { method?: string };
}

/**
 * A `.json` file: a Bundle (transaction, batch or collection) or a single resource. Entries are yielded
 * in the caller's reference order (`rank`: Locations before Patients, Patients before Encounters …) with
 * their original index, and `urn:uuid:` references are rewritten to `Type/id` through the entries' fullUrls.
 */
export async function* readBundle(
  path: string,
  file: string,
  rank: (type: unknown) => number,
): AsyncGenerator<FhirInput> {
  const size = (await stat(path)).size;
  if (size > maxBundleBytes) {
    throw new WeijianError(
      'file.too-large',
      `a Bundle of ${size} bytes is over ${maxBundleBytes}; use NDJSON`,
      { file },
    );
  }
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    yield {
      place: { file, line: errorLine(text, error as Error) },
      error: { code: 'fhir.json', reason: `invalid JSON: ${(error as Error).message}` },
    };
    return;
  }
  const bundle = document as { resourceType?: unknown; type?: unknown; entry?: unknown };
  if (bundle?.resourceType !== 'Bundle') {
    yield { place: { file }, resource: document };
    return;
  }
  if (typeof bundle.type !== 'string' || !BUNDLE_TYPES.includes(bundle.type)) {
    yield {
      place: { file },
      error: {
        code: 'fhir.bundle-type',
        field: 'Bundle.type',
        reason: `expected a ${BUNDLE_TYPES.join(', ')} Bundle, got ${String(bundle.type)}`,
      },
    };
    return;
  }
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as Entry[]) : [];
  const ids = new Map<string, string>();
  entries.forEach((entry, i) => {
    const resource = entry?.resource;
    if (!resource?.resourceType || !entry.fullUrl) return;
    // A transaction's new resources often have no id: the fullUrl's uuid becomes their id.
    resource.id ??= entry.fullUrl.split(':').pop()!.split('/').pop()!.slice(0, 64) || `entry-${i}`;
    ids.set(entry.fullUrl, `${resource.resourceType}/${resource.id}`);
  });
  const order = entries
    .map((entry, i) => ({ entry, i }))
    .sort(
      (a, b) => rank(a.entry?.resource?.resourceType) - rank(b.entry?.resource?.resourceType) || a.i - b.i,
    );
  for (const { entry, i } of order) {
    const place = { file, entry: i };
    if (!entry?.resource) {
      yield {
        place,
        error: {
          code: 'fhir.structure',
          field: `Bundle.entry[${i}].resource`,
          reason: 'entry without a resource',
        },
      };
    } else if (entry.request?.method && !['POST', 'PUT'].includes(entry.request.method)) {
      yield {
        place,
        error: {
          code: 'fhir.method',
          field: `Bundle.entry[${i}].request.method`,
          reason: `${entry.request.method} is not imported (only POST and PUT)`,
        },
      };
    } else {
      yield { place, resource: rewriteReferences(entry.resource, ids) };
    }
  }
}

function rewriteReferences<T>(value: T, ids: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, ids)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      key === 'reference' && typeof v === 'string' && ids.has(v) ? ids.get(v) : rewriteReferences(v, ids);
  }
  return out as T;
}

/** The 1-based line of a JSON.parse error ("… at position N"), when the message says where. */
function errorLine(text: string, error: Error): number | undefined {
  const position = /position (\d+)/.exec(error.message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
}
