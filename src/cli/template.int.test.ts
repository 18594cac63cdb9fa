import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(fileURLToPath(import.meta.url), '../../../bin/weijian.js');
const dir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-template-'));

describe('weijian template', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the template to --out and prints its path; an unknown kind fails', async () => {
    const out = path.join(dir, '托位.xlsx');
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [bin, 'template', 'childcare', '--out', out]);
    expect(stdout.trim()).toBe(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect((workbook.getWorksheet('托位')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '地区代码',
      '年份',
      '托位数',
    ]);
    await expect(run(process.execPath, [bin, 'template', 'patients'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no template "patients"'),
    });
  });
});
