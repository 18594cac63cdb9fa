import { refreshAfterBatch, refreshUnlessBusy, type RefreshReport } from '../engine/index.js';
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

export interface QueuedRefresh {
  refreshed: CountyRefresh[];
  /** Counties left for later: another transaction held them (`skipBusy`). */
  busy: string[];
}

/**
 * Brings the indicators of every county with queued work up to date (`refreshAfterBatch`, one
 * transaction per county): what an import or a write through the API calls once its records are
 * committed. A county whose refresh fails keeps its queue, and the next call takes it up again. With
 * `skipBusy`, a county another transaction holds (an import writing its encounters, a rebuild) is left
 * for a later call instead of holding up the others behind it.
 */
export async function refreshQueued(db: Db, options: { skipBusy?: boolean } = {}): Promise<QueuedRefresh> {
  const counties = await query<{ code: string }>(db, QUEUED_COUNTIES);
  const done: QueuedRefresh = { refreshed: [], busy: [] };
  for (const { code } of counties) {
    const report = options.skipBusy ? await refreshUnlessBusy(db, code) : await refreshAfterBatch(db, code);
    if (report) done.refreshed.push({ county: code, report });
    else done.busy.push(code);
  }
  return done;
}
