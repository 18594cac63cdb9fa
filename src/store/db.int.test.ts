import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WeijianError } from '../domain/errors.js';
import { openDatabase } from './db.js';
import { countPlans } from './plan-repository.js';

const root = mkdtempSync(path.join(tmpdir(), 'weijian-db-'));

describe('embedded database directory', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created and migrated on first open, and keeps data across opens', async () => {
    const dataDir = path.join(root, 'pglite');
    const first = await openDatabase({ dataDir });
    expect(await countPlans(first.db)).toBe(0);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const second = await openDatabase({ dataDir });
    expect(second.kind).toBe('pglite');
    await second.close();
  });

  it('runs with small shared buffers and keeps the settings of its postgresql.conf', async () => {
    const database = await openDatabase({ dataDir: path.join(root, 'settings') });
    try {
      if (database.driver.kind !== 'pglite') throw new Error('expected PGlite');
      const { rows } = await database.driver.client.query<{ buffers: string; zone: string }>(
        `select current_setting('shared_buffers') as buffers, current_setting('TimeZone') as zone`,
      );
      expect(rows[0]).toEqual({ buffers: '32MB', zone: 'UTC' });
    } finally {
      await database.close();
    }
  });

  it('refuses a second process while one holds it, and takes over a dead holder’s lock', async () => {
    const dataDir = path.join(root, 'locked');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(`${dataDir}.lock`, String(holder.pid));
    const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeijianError);
    expect((error as WeijianError).code).toBe('db.in-use');
    expect((error as WeijianError).message).toContain(`process ${holder.pid}`);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const database = await openDatabase({ dataDir });
    await database.close();
  });
});
