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

  it('sizes its shared buffers (small for a new one), caps work_mem and keeps its postgresql.conf', async () => {
    const settings = async (dataDir: string) => {
      const database = await openDatabase({ dataDir });
      try {
        if (database.driver.kind !== 'pglite') throw new Error('expected PGlite');
        const { rows } = await database.driver.client.query<{ buffers: string; cap: string; zone: string }>(
          `select current_setting('shared_buffers') as buffers, current_setting('weijian.max_work_mem') as cap,
            current_setting('TimeZone') as zone`,
        );
        return rows[0]!;
      } finally {
        await database.close();
      }
    };
    expect(await settings(path.join(root, 'settings'))).toEqual({
      buffers: '32MB',
      cap: '64MB',
      zone: 'UTC',
    });
    process.env.WEIJIAN_PGLITE_SHARED_BUFFERS = '48MB';
    try {
      expect((await settings(path.join(root, 'settings'))).buffers).toBe('48MB');
    } finally {
      delete process.env.WEIJIAN_PGLITE_SHARED_BUFFERS;
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
