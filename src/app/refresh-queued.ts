import { refreshAfterBatch, type RefreshReport } from '../engine/index.js';
import { query } from '../engine/sql/bind.js';
import type { Db } from '../store/db.js';

export interface CountyRefresh {
  county: string;
  report: RefreshReport;
}

/**
 * The counties with work in the indicator queue (indicator_dirty, filled by the records tables' triggers):
 * one index probe per county (the queue's key starts with it), however long the queue.
 */
const QUEUED_COUNTIES = `WITH RECURSIVE c(code) AS (
  SELECT min(county_code) FROM indicator_dirty
  UNION ALL
  SELECT (SELECT min(county_code) FROM indicator_dirty WHERE county_code > c.code) FROM c WHERE c.code IS NOT NULL
)
SELECT code FROM c WHERE code IS NOT NULL`;

/**
 * Brings the indicators of every county with queued work up to date (`refreshAfterBatch`, one
 * transaction per county): what an import or a write through the API calls once its records are
 * committed. A county whose refresh fails keeps its queue, and the next call takes it up again.
 */
export async function refreshQueued(db: Db): Promise<CountyRefresh[]> {
  const counties = await query<{ code: string }>(db, QUEUED_COUNTIES);
  const done: CountyRefresh[] = [];
  for (const { code } of counties) done.push({ county: code, report: await refreshAfterBatch(db, code) });
  return done;
}
