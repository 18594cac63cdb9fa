import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../access/audit.js';
import { query } from '../engine/sql/bind.js';
import { backends } from '../testing/databases.js';
import { countyResources } from '../testing/fhir-county.js';
import { importRecordFiles } from './import-records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-import-beside-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/*
 * A server keeps serving while a file is imported: a sign-in, an audited read, a write through the API.
 * On PGlite all of them share the import's one connection; none may run inside the import's transaction
 * (rolled back with it, or committing half of it).
 */
describe.each(backends)('work beside an import on $name', (backend) => {
  it('is neither taken into the import nor commits part of it; the file stays all or nothing', async () => {
    const database = await backend.open();
    try {
      const file = path.join(dir, `${backend.name}.ndjson`);
      const lines = [...countyResources(30)].map((r) => JSON.stringify(r));
      writeFileSync(file, [...lines, '{"resourceType": "Patient", broken', ''].join('\n'));
      const actor = { actor: 'beside', role: 'admin' as const, ip: null };
      const beside: Promise<unknown>[] = [];
      const [report] = await importRecordFiles(database, [{ name: 'county.ndjson', path: file }], {
        skipInvalid: false,
        today: '2025-06-30',
        batchSize: 10,
        // After the first batch is written, inside the file's transaction: a plain write and a transaction.
        onProgress: () => {
          if (beside.length) return;
          beside.push(writeAudit(database.db, actor, { action: 'beside.plain' }));
          beside.push(
            database.db.transaction((tx) => writeAudit(tx, actor, { action: 'beside.transaction' })),
          );
        },
      });
      await Promise.all(beside);
      expect(report!.rejected).toHaveLength(1);
      expect(report!.written).toBe(0);
      const [stored] = await query<{ regions: number; residents: number }>(
        database.db,
        `SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM residents) AS residents`,
      );
      expect(stored).toEqual({ regions: 0, residents: 0 });
      const audited = await query<{ action: string }>(
        database.db,
        `SELECT action FROM audit_log WHERE actor = 'beside' ORDER BY action`,
      );
      expect(audited.map((a) => a.action)).toEqual(['beside.plain', 'beside.transaction']);
    } finally {
      await database.close();
    }
  });
});
