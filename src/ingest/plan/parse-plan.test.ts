import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { WeijianError } from '../../domain/errors.js';
import type { ParsedPlan } from '../../domain/plan/types.js';
import { readSeed, seedFiles, type SeedName } from '../../testing/seeds.js';
import { parsePlan } from './parse-plan.js';

const parseSeed = (name: SeedName) => parsePlan(readSeed(name), seedFiles[name]);

async function failure(bytes: Uint8Array, fileName: string): Promise<WeijianError> {
  const error = await parsePlan(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WeijianError);
  return error as WeijianError;
}

const withoutSource = ({ source: _source, ...plan }: ParsedPlan) => plan;

describe('parsePlan on the five seeds', () => {
  it.each([
    ['tongzhou', '通州区“十四五”卫生健康事业发展规划', '320612', 27, 20, 638, '2022-11-22'],
    ['siyang', '泗阳县“十四五”卫生健康发展规划', '321323', 24, 0, 380, '2022-09-08'],
    ['jiangyin', '江阴市“十四五”卫生健康事业发展规划（2021—2025年）', '320281', 31, 0, 492, '2022-05-23'],
    ['jizhou', '蓟州区卫生健康事业发展“十四五”规划', '120119', 20, 0, 260, null],
    ['baotou', '包头稀土高新区卫生与健康事业发展“十四五”规划', '150271', 49, 0, 404, null],
  ] as const)('%s', async (name, title, code, rows, reviewRows, lineCount, issuedOn) => {
    const plan = await parseSeed(name);
    expect(plan.title).toBe(title);
    expect(plan.region.code).toBe(code);
    expect(plan.period).toEqual({ start: 2021, end: 2025 });
    expect(plan.issuedOn).toBe(issuedOn);
    expect(plan.indicators).toHaveLength(rows);
    expect(plan.reviewIndicators).toHaveLength(reviewRows);
    expect(plan.indicators.every((r) => r.indicatorId !== null)).toBe(true);
    expect(plan.outline.length).toBeGreaterThan(0);
    expect(plan.source).toEqual({
      fileName: seedFiles[name],
      encoding: 'utf-8',
      sha256: createHash('sha256').update(readSeed(name)).digest('hex'),
      lineCount,
    });
  });

  it('warns at plan level only where the plan itself gives cause (包头 calls its indicators provisional)', async () => {
    for (const name of ['tongzhou', 'siyang', 'jiangyin', 'jizhou'] as const) {
      expect((await parseSeed(name)).warnings).toEqual([]);
    }
    expect((await parseSeed('baotou')).warnings).toEqual([
      '包头稀土高新区“十四五”期间卫生健康事业发展指标: the plan calls its indicators provisional (line 301): ' +
        '（以上指标建议等国家、自治区和包头市相关指标确定后再确定）',
    ]);
  });

  it('parses a GBK copy of a seed exactly like the UTF-8 one', async () => {
    for (const name of ['tongzhou', 'siyang', 'jiangyin', 'baotou'] as const) {
      const utf8 = await parseSeed(name);
      const gbk = await parsePlan(iconv.encode(readSeed(name).toString('utf8'), 'gbk'), seedFiles[name]);
      expect(gbk.source.encoding).toBe('gb18030');
      expect(gbk.source.lineCount).toBe(utf8.source.lineCount);
      expect(withoutSource(gbk)).toEqual(withoutSource(utf8));
    }
  });

  it('parses a GB18030 copy of 蓟州 (it has U+00A0, outside GBK) like the UTF-8 one', async () => {
    const bytes = iconv.encode(readSeed('jizhou').toString('utf8'), 'gb18030');
    expect(withoutSource(await parsePlan(bytes, 'jizhou.txt'))).toEqual(
      withoutSource(await parseSeed('jizhou')),
    );
  });

  it('keeps the plan with a null region code and a warning when the region is unknown', async () => {
    const table = readSeed('siyang').toString('utf8').split('\n').slice(61, 249);
    const text = ['某某县“十四五”卫生健康发展规划', '', ...table].join('\n');
    const plan = await parsePlan(Buffer.from(text), 'mystery.txt');
    expect(plan.region).toEqual({ code: null, name: '某某县' });
    expect(plan.warnings).toEqual(['region not found in the administrative divisions: 某某县']);
    expect(plan.indicators).toHaveLength(24);
  });
});

describe('parsePlan on bad input', () => {
  it('an empty file', async () => {
    expect(await failure(new Uint8Array(0), 'empty.txt')).toMatchObject({
      code: 'plan.empty-file',
      place: { file: 'empty.txt' },
    });
  });

  it('a binary file', async () => {
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(64),
      Buffer.from([0xff, 0xfe, 0x01]),
    ]);
    expect(await failure(bytes, 'scan.txt')).toMatchObject({
      code: 'plan.not-text',
      place: { file: 'scan.txt' },
    });
  });

  it('a plan without an indicator table', async () => {
    const text = readSeed('tongzhou').toString('utf8').split('\n').slice(0, 20).join('\n');
    expect(await failure(Buffer.from(text), 'prose.txt')).toMatchObject({
      code: 'plan.no-indicator-table',
      place: { file: 'prose.txt', field: 'indicators' },
    });
  });

  it('a file cut off in the middle of the indicator table', async () => {
    const text = readSeed('jiangyin').toString('utf8').split('\n').slice(0, 160).join('\n');
    const error = await failure(Buffer.from(text), 'cut.txt');
    expect(error.code).toBe('plan.truncated-table');
    expect(error.place).toEqual({ file: 'cut.txt', line: 157, field: 'indicators' });
    expect(error.describe()).toBe(
      'cut.txt:157 indicators: “十四五”时期江阴市卫生健康事业发展主要指标: ' +
        'the text ends in the middle of a row (the file may be cut off)',
    );
  });

  it('a 50 MB file, refused by size at once', async () => {
    const started = Date.now();
    const error = await failure(new Uint8Array(50 * 1024 * 1024).fill(0x20), 'huge.txt');
    expect(error.code).toBe('plan.too-large');
    expect(error.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an unsupported format', async () => {
    const error = await failure(Buffer.from('PK'), 'plan.doc');
    expect(error.code).toBe('plan.unsupported-format');
    expect(error.message).toBe(
      'cannot read .doc files; supported formats: .txt (UTF-8, GBK/GB18030 or UTF-16 with BOM) and .docx',
    );
  });
});
