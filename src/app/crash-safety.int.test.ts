import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../store/db.js';
import { openScratchPostgres } from '../testing/databases.js';
import { countyResources } from '../testing/fhir-county.js';
import { digestTables } from '../testing/table-digest.js';
import { importRecordFiles } from './import-records.js';

const url = process.env.TEST_DATABASE_URL;
const cli = path.resolve('src/cli/main.ts');

async function encounters(database: Database): Promise<number> {
  if (database.driver.kind !== 'postgres') throw new Error('postgres only');
  return (await database.driver.pool.query('select count(*)::int as n from encounters')).rows[0].n as number;
}

// A second process on the same database: PostgreSQL only (PGlite is one process's database).
describe.runIf(url)('an import killed with kill -9 (postgres)', () => {
  it('leaves whole batches, and re-running finishes the job as a clean import would', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weijian-kill-'));
    const file = path.join(dir, 'county.ndjson');
    writeFileSync(file, [...countyResources(6000)].map((r) => JSON.stringify(r)).join('\n'));
    const killed = await openScratchPostgres(url!);
    const clean = await openScratchPostgres(url!);
    try {
      const run = () =>
        spawn(process.execPath, ['--import', 'tsx', cli, 'import', file, '--skip-invalid'], {
          env: { ...process.env, DATABASE_URL: killed.location },
          stdio: 'ignore',
        });
      const child = run();
      // Kill once some batches are committed and before the end.
      while ((await encounters(killed)) === 0) await sleep(20);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(await encounters(killed)).toBeLessThan(18_000);

      const again = run();
      const code = await new Promise((resolve) => again.once('exit', resolve));
      expect(code).toBe(0);
      await importRecordFiles(clean, [{ name: 'county.ndjson', path: file }], { skipInvalid: true });
      expect(await encounters(clean)).toBe(18_000);
      expect(await digestTables(killed)).toEqual(await digestTables(clean));
    } finally {
      await killed.close();
      await clean.close();
    }
  }, 300_000);
});
