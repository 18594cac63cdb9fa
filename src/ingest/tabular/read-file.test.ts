import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readTabularFile } from './read-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: string | Uint8Array): { name: string; path: string } {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return { name, path: full };
}

async function xlsx(
  name: string,
  sheets: Record<string, unknown[][]>,
): Promise<{ name: string; path: string }> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) workbook.addWorksheet(sheetName).addRows(rows);
  return file(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const BEDS = '机构编码,年份,实有床位数,编制床位数\n';

describe('readTabularFile', () => {
  it('reads a GBK CSV as Excel in China saves it', async () => {
    const text =
      '机构编码,机构名称,机构类别,经济类型,等级\r\nA1,通州区人民医院（南院）,综合医院,公立,三级甲等\r\n';
    const parsed = await readTabularFile(file('机构.csv', iconv.encode(text, 'gbk')));
    expect(parsed).toMatchObject({ format: 'csv', read: 1, rejects: [] });
    expect(parsed.records.facilities[0]).toEqual({
      file: '机构.csv',
      line: 2,
      record: expect.objectContaining({
        code: 'A1',
        name: '通州区人民医院（南院）',
        type: 'general_hospital',
        ownership: 'public',
        gradeLevel: 3,
        gradeClass: 'a',
        primaryCare: false,
      }),
    });
  });

  it('reads UTF-8 with a BOM, English headers, a title row above the header, and blank rows', async () => {
    const text = '\uFEFF2023年各机构床位情况,,,\nfacility code,year,beds,approved beds\n\nA1,2023,"1,200",\n';
    const parsed = await readTabularFile(file('data.csv', text));
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records.beds).toEqual([
      {
        file: 'data.csv',
        line: 4,
        record: { facilityCode: 'A1', year: 2023, beds: 1200, approvedBeds: null },
      },
    ]);
  });

  it('reports each bad field with file, line and the Chinese header', async () => {
    const text = BEDS + 'A1,2023,abc,\n,2023,5,\nA2,1899,5,\nA3,2023,-1,\n';
    const parsed = await readTabularFile(file('beds.csv', text));
    expect(parsed.read).toBe(4);
    expect(parsed.records.beds).toEqual([]);
    expect(parsed.rejects.map(({ file, line, field, code }) => ({ file, line, field, code }))).toEqual([
      { file: 'beds.csv', line: 2, field: '实有床位数', code: 'tabular.not-a-number' },
      { file: 'beds.csv', line: 3, field: '机构编码', code: 'tabular.required' },
      { file: 'beds.csv', line: 4, field: '年份', code: 'tabular.invalid-year' },
      { file: 'beds.csv', line: 5, field: '实有床位数', code: 'tabular.negative' },
    ]);
  });

  it('refuses later rows with the natural key of an earlier one', async () => {
    const parsed = await readTabularFile(file('beds-dup.csv', BEDS + 'A1,2023,5,\nA1,2022,5,\nA1,2023,6,\n'));
    expect(parsed.records.beds.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rejects).toEqual([
      expect.objectContaining({
        file: 'beds-dup.csv',
        line: 4,
        field: '机构编码+年份',
        code: 'tabular.duplicate',
      }),
    ]);
  });

  it('checks choices: category values, grades, age groups, practice category of non-physicians', async () => {
    const population = '地区代码,年份,口径,性别,年龄组,年末人口数\n320612001000,2023,常驻,男,5-10岁,10\n';
    const parsed = await readTabularFile(file('人口.csv', population));
    expect(parsed.rejects.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, '口径', 'tabular.invalid-choice'],
      [2, '年龄组', 'tabular.invalid-choice'],
    ]);
    const staff =
      '人员编码,机构编码,姓名,人员类别,执业类别,入职日期\nS1,A1,张三,注册护士,临床,2020-01-01\nS2,A1,李四,医生,,2020-01-01\n';
    const staffParsed = await readTabularFile(file('人员.csv', staff));
    expect(staffParsed.rejects.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, '执业类别', 'tabular.invalid-value'],
      [3, '人员类别', 'tabular.invalid-choice'],
    ]);
  });

  it('reports a missing required column once, at the header, and reads none of the rows', async () => {
    const parsed = await readTabularFile(file('床位.csv', '机构编码,实有床位数\nA1,5\nA2,6\n'));
    expect(parsed.read).toBe(2);
    expect(parsed.rejects).toEqual([
      expect.objectContaining({ file: '床位.csv', line: 1, field: '年份', code: 'tabular.missing-column' }),
    ]);
  });

  it('reads every sheet of a workbook, tells kinds by name or headers, skips 填表说明, reports others', async () => {
    const workbook = await xlsx('county.xlsx', {
      机构: [
        ['机构编码', '机构名称', '机构类别', '经济类型'],
        ['A1', '某卫生院', '乡镇卫生院', '公立'],
      ],
      Sheet2: [
        ['机构编码', '年份', '实有床位数'],
        ['A1', 2023, 40],
        ['A1', '2023', 41],
      ],
      填表说明: [
        ['表', '列'],
        ['机构', '机构编码'],
      ],
      汇总: [['合计'], [40]],
      Sheet3: [],
    });
    const parsed = await readTabularFile(workbook);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.records.facilities[0]).toMatchObject({ file: 'county.xlsx[机构]', line: 2 });
    expect(parsed.records.facilities[0]!.record.primaryCare).toBe(true);
    expect(parsed.records.beds).toEqual([
      {
        file: 'county.xlsx[Sheet2]',
        line: 2,
        record: { facilityCode: 'A1', year: 2023, beds: 40, approvedBeds: null },
      },
    ]);
    expect(parsed.rejects.map((r) => [r.file, r.line, r.field, r.code])).toEqual([
      ['county.xlsx[汇总]', 1, undefined, 'tabular.unknown-sheet'],
      ['county.xlsx[Sheet2]', 3, '机构编码+年份', 'tabular.duplicate'],
    ]);
  });

  it('refuses formats it cannot read and broken workbooks', async () => {
    await expect(readTabularFile(file('old.xls', 'x'))).rejects.toMatchObject({
      code: 'tabular.unsupported-format',
    });
    await expect(readTabularFile(file('broken.xlsx', 'not a zip'))).rejects.toMatchObject({
      code: 'tabular.unreadable-xlsx',
    });
  });
});
