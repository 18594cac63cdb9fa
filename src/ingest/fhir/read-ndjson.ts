import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { FhirInput } from './input.js';

/**
 * NDJSON (FHIR Bulk Data): one resource per line, read line by line so memory stays bounded whatever the
 * file size. A line that is not JSON is yielded as an error at its line number; blank lines are skipped.
 */
export async function* readNdjson(
  path: string,
  file: string,
  progress?: (bytes: number) => void,
): AsyncGenerator<FhirInput> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (line % 1000 === 0) progress?.(stream.bytesRead);
    if (!text.trim()) continue;
    const place = { file, line };
    try {
      yield { place, resource: JSON.parse(text) as unknown, raw: text };
    } catch (error) {
      yield {
        place,
        raw: text,
        error: { code: 'fhir.json', reason: `invalid JSON: ${(error as Error).message}` },
      };
    }
  }
  progress?.(stream.bytesRead);
}
