import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTabularFile } from './read-file.js';
import { templateKindOf, templateWorkbook } from './template.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('templates', () => {
  it('read back as empty: headers recognised, 填表说明 skipped, nothing rejected', async () => {
    const file = path.join(dir, 'all.xlsx');
    writeFileSync(file, await templateWorkbook('all'));
    const parsed = await readTabularFile({ name: 'all.xlsx', path: file });
    expect(parsed).toMatchObject({ read: 0, rejects: [] });
  });

  it('are named by id or sheet name', () => {
    expect(templateKindOf('beds')).toBe('beds');
    expect(templateKindOf('床位')).toBe('beds');
    expect(templateKindOf('全部')).toBe('all');
    expect(templateKindOf('patients')).toBeNull();
  });
});
