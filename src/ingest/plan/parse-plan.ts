import { createHash } from 'node:crypto';
import { WeijianError } from '../../domain/errors.js';
import type { ParsedPlan } from '../../domain/plan/types.js';
import { resolveRegion } from '../region/divisions.js';
import { decodePlanDocument } from './decode.js';
import { readIndicatorTables } from './indicator-table.js';
import { readMeta } from './meta.js';
import { readOutline } from './outline.js';

/**
 * Reads a published 14th Five-Year health plan (.txt in any common Chinese encoding, or .docx) into a
 * ParsedPlan. Fails with a WeijianError (file and line) when the file cannot be read or has no
 * complete main-indicator table; anything doubtful but readable becomes a warning.
 */
export async function parsePlan(bytes: Uint8Array, fileName: string): Promise<ParsedPlan> {
  const { text, encoding } = await decodePlanDocument(bytes, fileName);
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();

  const meta = inFile(fileName, () => readMeta(lines));
  const tables = readIndicatorTables(lines, fileName);
  const { outline, tasks, projects } = inFile(fileName, () => readOutline(lines));
  const region = resolveRegion(meta.regionText) ?? resolveRegion(meta.title);
  const warnings = region
    ? []
    : [`region not found in the administrative divisions: ${meta.regionText || meta.title}`];

  return {
    title: meta.title,
    region: region ? { code: region.code, name: region.name } : { code: null, name: meta.regionText },
    period: meta.period,
    issuedOn: meta.issuedOn,
    indicators: tables.indicators,
    reviewIndicators: tables.reviewIndicators,
    tableNotes: tables.tableNotes,
    outline,
    tasks,
    projects,
    warnings: [...warnings, ...tables.warnings],
    source: {
      fileName,
      encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      lineCount: lines.length,
    },
  };
}

/** The readers of the text know lines, not files: name the file in their errors. */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof WeijianError) || error.place.file) throw error;
    throw new WeijianError(error.code, error.message, { ...error.place, file }, error.status);
  }
}
