import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedSql } from './generated.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `WEIJIAN_WRITE_SQL=1 npx vitest run src/engine/sql` rewrites the files after a change. */
describe('checked-in SQL', () => {
  const files = generatedSql();

  if (process.env.WEIJIAN_WRITE_SQL) {
    for (const [name, text] of files) {
      mkdirSync(path.dirname(path.join(here, name)), { recursive: true });
      writeFileSync(path.join(here, name), text);
    }
  }

  it('is what the engine compiles today', () => {
    for (const [name, text] of files) expect(readFileSync(path.join(here, name), 'utf8'), name).toBe(text);
  });

  it('has no file the engine no longer compiles', () => {
    const onDisk = ['build', 'definitions'].flatMap((dir) =>
      readdirSync(path.join(here, dir)).map((f) => `${dir}/${f}`),
    );
    expect(onDisk.sort()).toEqual([...files.keys()].sort());
  });
});
