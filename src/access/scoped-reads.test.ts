import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Store modules that read residents unscoped: only access/ may call them. */
const SCOPED_STORE = ['mpi.js', 'mpi-merge.js', 'resident-lookup.js', 'resident-timeline.js'];

/*
 * Residents are read and written only through access/residents.ts, which checks the permission and builds
 * the query with the caller's scope: the API and the CLI may take types from store/mpi, never functions.
 */
describe('scoped reads of personal data', () => {
  it('api/ and cli/ reach the master patient index and resident lookup only through access/', () => {
    const offending: string[] = [];
    for (const dir of ['api', 'cli']) {
      for (const file of sourceFiles(path.join(srcDir, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)) {
          const [, typeOnly, names, spec] = m;
          if (!SCOPED_STORE.some((name) => spec!.endsWith(`store/${name}`))) continue;
          const values = names!.split(',').filter((n) => n.trim() && !typeOnly && !/^\s*type\s/.test(n));
          if (values.length) offending.push(`${path.relative(srcDir, file)}: ${values.join(',').trim()}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
