import { WeijianError } from '../../domain/errors.js';
import type { FhirInput } from './input.js';
import { readBundle } from './read-bundle.js';
import { readNdjson } from './read-ndjson.js';

export type { FhirInput } from './input.js';

/** True for the extensions read as FHIR: `.ndjson` (bulk) and `.json` (a Bundle or one resource). */
export const isFhirFile = (name: string): boolean => /\.(nd)?json$/i.test(name);

/**
 * The resources of a FHIR file, one by one. `rank` orders a Bundle's entries so that referenced
 * resources come first; `progress` gets the bytes read so far (NDJSON).
 */
export function readFhirFile(
  path: string,
  file: string,
  options: { rank: (type: unknown) => number; progress?: (bytes: number) => void },
): AsyncGenerator<FhirInput> {
  if (/\.ndjson$/i.test(file)) return readNdjson(path, file, options.progress);
  if (/\.json$/i.test(file)) return readBundle(path, file, options.rank);
  throw new WeijianError('file.format', 'expected a .ndjson or .json FHIR file', { file });
}
