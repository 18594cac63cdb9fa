import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buffersFor, pgliteSharedBuffers, sizeOnDisk } from './pglite-buffers.js';

const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(tmpdir(), 'weijian-buffers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite shared buffers', () => {
  it('sums the files under the data directory, nested ones included', () => {
    mkdirSync(path.join(dir, 'base', '5'), { recursive: true });
    writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(path.join(dir, 'base', '5', '1259'), Buffer.alloc(8192));
    expect(sizeOnDisk(dir)).toBe(3 + 8192);
    expect(sizeOnDisk(path.join(dir, 'missing'))).toBe(0);
  });

  it('is an eighth of the database, between 32 and 512 MB', () => {
    expect(buffersFor(0)).toBe('32MB');
    expect(buffersFor(200 * MB)).toBe('32MB');
    expect(buffersFor(2000 * MB)).toBe('250MB');
    expect(buffersFor(4.5 * 1024 * MB)).toBe('512MB');
  });

  it('sizes a data directory, or takes the variable as set', () => {
    expect(pgliteSharedBuffers(dir, {})).toBe('32MB');
    expect(pgliteSharedBuffers(dir, { WEIJIAN_PGLITE_SHARED_BUFFERS: '256MB' })).toBe('256MB');
    expect(pgliteSharedBuffers(dir, { WEIJIAN_PGLITE_SHARED_BUFFERS: '1GB' })).toBe('1GB');
    for (const wrong of ['lots', '256', '2GB', '512kB']) {
      expect(() => pgliteSharedBuffers(dir, { WEIJIAN_PGLITE_SHARED_BUFFERS: wrong })).toThrow(
        `WEIJIAN_PGLITE_SHARED_BUFFERS must be a size from 1MB to 1024MB such as 256MB (PGlite's memory ends at 2 GB), not "${wrong}"`,
      );
    }
  });
});
