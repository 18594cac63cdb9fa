import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WeijianError } from '../domain/errors.js';

/*
 * PGlite's shared buffers, sized to the database. Every page read outside them crosses from WebAssembly
 * to a Node file read: on the 200 000-resident county (4.5 GB) that was about a third of an indicator
 * refresh (docs/indicators.md). But the buffers are committed when PGlite opens, so a small database
 * keeps the small pool: an eighth of the files on disk, between 32 MB and 512 MB.
 * WEIJIAN_PGLITE_SHARED_BUFFERS (e.g. `256MB`) sets it outright.
 */

const MB = 1024 * 1024;
const MIN_BUFFERS_MB = 32;
const MAX_BUFFERS_MB = 512;
/** PGlite's WebAssembly memory ends at 2 GB: half of it for buffers at most, the rest for queries. */
const LIMIT_MB = 1024;
const UNIT_MB = { kB: 1 / 1024, MB: 1, GB: 1024 } as const;

/** Total size in bytes of the files under `dir` (0 when it does not exist yet). */
export function sizeOnDisk(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return total;
}

/** The pool for a database of `bytes` on disk, in whole MB: an eighth, clamped to [32, 512]. */
export function buffersFor(bytes: number): string {
  const mb = Math.round(bytes / 8 / MB);
  return `${Math.min(MAX_BUFFERS_MB, Math.max(MIN_BUFFERS_MB, mb))}MB`;
}

/** The `shared_buffers` setting for PGlite in `dataDir`. */
export function pgliteSharedBuffers(dataDir: string, env = process.env): string {
  const set = env.WEIJIAN_PGLITE_SHARED_BUFFERS;
  if (set !== undefined) {
    const match = /^(\d+)(kB|MB|GB)$/.exec(set);
    const mb = match ? Number(match[1]) * UNIT_MB[match[2] as keyof typeof UNIT_MB] : NaN;
    if (!(mb >= 1 && mb <= LIMIT_MB)) {
      throw new WeijianError(
        'config.invalid',
        `WEIJIAN_PGLITE_SHARED_BUFFERS must be a size from 1MB to ${LIMIT_MB}MB such as 256MB (PGlite's ` +
          `memory ends at 2 GB), not "${set}"`,
        { field: 'WEIJIAN_PGLITE_SHARED_BUFFERS' },
      );
    }
    return set;
  }
  return buffersFor(sizeOnDisk(dataDir));
}
