import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/db.js';
import { signedInInject } from '../../testing/auth.js';
import { backends } from '../../testing/databases.js';
import { buildApp } from '../server.js';

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

// Templates need no data: one backend is enough.
describe('template API', () => {
  let database: Database;
  let app: FastifyInstance;
  let inject: Awaited<ReturnType<typeof signedInInject>>;
  beforeAll(async () => {
    database = await backends[0]!.open();
    app = await buildApp(database);
    inject = await signedInInject(app, database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('downloads a template as an attachment with Chinese headers, frozen and bold, and 填表说明', async () => {
    const res = await inject({ method: 'GET', url: '/api/templates/beds.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="weijian-template-beds.xlsx"; filename*=UTF-8''${encodeURIComponent('卫健模板-床位.xlsx')}`,
    );
    const workbook = await open(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['床位', '填表说明']);
    const sheet = workbook.getWorksheet('床位')!;
    expect(headers(sheet)).toEqual(['机构编码', '年份', '实有床位数', '编制床位数']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1);
    const notes = workbook.getWorksheet('填表说明')!;
    expect(notes.getColumn(2).values).toContain('实有床位数');
  });

  it('serves all kinds in one workbook, by id or Chinese sheet name', async () => {
    const all = await open((await inject({ method: 'GET', url: '/api/templates/all.xlsx' })).rawPayload);
    expect(all.worksheets.map((s) => s.name)).toEqual([
      '地区',
      '机构',
      '床位',
      '人员',
      '人口',
      '托位',
      '填表说明',
    ]);
    expect(headers(all.getWorksheet('机构')!)).toEqual([
      '机构编码',
      '机构名称',
      '机构类别',
      '经济类型',
      '等级',
      '是否基层',
      '所在地区代码',
      '是否设老年医学科',
      '提供中医药服务',
      '开业日期',
      '停业日期',
    ]);
    const url = `/api/templates/${encodeURIComponent('人口')}.xlsx`;
    const population = await open((await inject({ method: 'GET', url })).rawPayload);
    expect(headers(population.getWorksheet('人口')!)).toEqual([
      '地区代码',
      '年份',
      '口径',
      '性别',
      '年龄组',
      '年末人口数',
      '年中人口数',
    ]);
  });

  it('answers an unknown kind with problem JSON', async () => {
    const res = await inject({ method: 'GET', url: '/api/templates/patients.xlsx' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'template.unknown-kind' });
  });
});
