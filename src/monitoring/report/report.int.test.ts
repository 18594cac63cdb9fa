import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import { openDatabase } from '../../store/db.js';
import { seedMonitoringDemo, type SamplePlanIds } from '../../testing/monitoring-fixture.js';
import { renderReport } from './render.js';
import { SHEETS } from './xlsx.js';
import { REPORT_KINDS } from './model.js';

const run = promisify(execFile);
const today = new Date('2024-03-01T00:00:00Z');

/** Reports do not depend on the storage backend: PGlite only. */
describe('通州 reports', () => {
  let database: Database;
  let ids: SamplePlanIds;
  let dir: string;
  beforeAll(async () => {
    database = await openDatabase();
    ids = await seedMonitoringDemo(database.db);
    dir = await mkdtemp(path.join(tmpdir(), 'weijian-report-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sheetRows = (ws: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  };

  it.each(REPORT_KINDS)(
    '%s report as xlsx: table with statuses and colours, provenance sheet',
    async (kind) => {
      const year = kind === 'annual' ? 2023 : undefined;
      const report = await renderReport(database.db, ids.tongzhou, { kind, format: 'xlsx', year, today });
      const reportYear = { annual: 2023, midterm: 2023, final: 2025 }[kind];
      expect(report.fileName).toBe(`weijian-plan-${ids.tongzhou}-${kind}-${reportYear}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.body as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.table, SHEETS.provenance, SHEETS.notes]);

      const table = wb.getWorksheet(SHEETS.table)!;
      const title = String(table.getCell('A1').value);
      expect(title).toContain(
        { annual: '2023年度监测报告', midterm: '中期评估报告', final: '总结评估报告' }[kind],
      );
      const header = sheetRows(table)[1]!;
      expect(header.slice(0, 8)).toEqual([
        '领域',
        '序号',
        '指标',
        '单位',
        '性质',
        '基期值',
        '基期年份',
        '2025年目标',
      ]);
      const col = (name: string) => header.indexOf(name) + 1;
      const rowOf = (name: string) => {
        let n = 0;
        // The name column carries the plan's marks (`#` = provincial/city indicator).
        table.eachRow((r, i) => (String(r.getCell(3).value).replace(/#$/, '') === name ? (n = i) : 0));
        return table.getRow(n);
      };
      const pharmacists = rowOf('每千人口药师（士）数');
      expect(pharmacists.getCell(col('性质')).value).toBe('约束性');
      expect(pharmacists.getCell(col('2025年目标')).value).toBe('0.54');
      expect(pharmacists.getCell(col('2021年实际')).value).toBe(0.41);
      expect(pharmacists.getCell(col('2023年实际')).value).toBe(0.42);
      const status = pharmacists.getCell(col('状态'));
      expect(status.value).toBe('进度滞后');
      expect(status.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });

      const literacy = rowOf('居民健康素养水平');
      expect(literacy.getCell(col('基期值')).value).toBe(27.52);
      expect(literacy.getCell(col('2022年实际')).value).toBe(32);
      // The 2023 figure is only submitted: not an actual.
      expect(literacy.getCell(col('2023年实际')).value).toBeNull();
      expect(literacy.getCell(col('状态')).value).toBe(kind === 'final' ? '进度滞后' : '符合进度');
      expect(rowOf('人均期望寿命').getCell(col('状态')).value).toBe('已达标');
      expect(rowOf('健康预期寿命').getCell(col('状态')).value).toBe('无法量化评估');

      const prov = sheetRows(wb.getWorksheet(SHEETS.provenance)!);
      const [head, ...body] = prov;
      const at = (row: unknown[], name: string) => row[head!.indexOf(name)];
      const lit2023 = body.find((r) => r[1] === '居民健康素养水平' && r[2] === 2023)!;
      expect([
        at(lit2023, '来源'),
        at(lit2023, '手工值'),
        at(lit2023, '填报状态'),
        at(lit2023, '填报人'),
      ]).toEqual(['未采用', 33, 'submitted', 'zhang.planner']);
      const le2023 = body.find((r) => r[1] === '人均期望寿命' && r[2] === 2023)!;
      expect([at(le2023, '采用值'), at(le2023, '来源'), at(le2023, '分子'), at(le2023, '分母')]).toEqual([
        83.6,
        '系统计算',
        83600,
        1000,
      ]);
      expect([at(le2023, '手工值'), at(le2023, '最后处理人')]).toEqual([83, 'li.approver']);
    },
  );

  it('html report: summary counts, binding row first, one chart per row at risk or off track', async () => {
    const report = await renderReport(database.db, ids.tongzhou, {
      kind: 'annual',
      year: 2023,
      format: 'html',
      today,
    });
    const html = report.body.toString('utf8');
    expect(report.contentType).toBe('text/html; charset=utf-8');
    expect(html).toContain('主要指标共 27 项');
    expect(html).toContain('约束性指标 5 项，其中进度滞后 1 项');
    // Binding 药师 (off track) before 吸烟率 (at risk) in the summary list.
    expect(html.indexOf('14. 每千人口药师')).toBeLessThan(html.indexOf('8. 15岁以上人群吸烟率'));
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it.each(REPORT_KINDS)(
    '%s report as pdf: renders to a non-blank PNG with extractable Chinese text',
    async (kind) => {
      const year = kind === 'annual' ? 2022 : undefined;
      const report = await renderReport(database.db, ids.tongzhou, { kind, format: 'pdf', year, today });
      expect(report.body.subarray(0, 5).toString()).toBe('%PDF-');
      const pdf = path.join(dir, `${kind}.pdf`);
      await writeFile(pdf, report.body);

      await run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', pdf, path.join(dir, kind)]);
      const png = await readFile(path.join(dir, `${kind}-1.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Pixel statistics on a grey-level rendering of the same page (PGM is raw bytes after a short header).
      await run('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', pdf, path.join(dir, `${kind}-g`)]);
      const pgm = await readFile(path.join(dir, `${kind}-g-1.pgm`));
      const pixels = pgm.subarray(pgm.length - pixelCount(pgm));
      const dark = pixels.filter((p) => p < 128).length / pixels.length;
      expect(dark).toBeGreaterThan(0.005);
      expect(dark).toBeLessThan(0.5);

      const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
      expect(stdout).toContain('通州');
      expect(stdout).toContain('已达标');
      expect(stdout).toContain(
        { annual: '2022年度监测报告', midterm: '中期评估报告', final: '总结评估报告' }[kind],
      );
      expect(stdout).toContain('约束性');
    },
  );
});

/** Width × height from a binary PGM header (`P5 W H 255`). */
function pixelCount(pgm: Buffer): number {
  const [, w, h] = pgm.toString('latin1', 0, 40).split(/\s+/);
  return Number(w) * Number(h);
}
