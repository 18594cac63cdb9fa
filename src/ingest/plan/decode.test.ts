import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { WeijianError } from '../../domain/errors.js';
import { readSeed } from '../../testing/seeds.js';
import { decodePlanDocument } from './decode.js';
import { readIndicatorTables } from './indicator-table.js';

const seedText = readSeed('jiangyin').toString('utf8');

async function failure(bytes: Uint8Array, fileName: string): Promise<WeijianError> {
  const error = await decodePlanDocument(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WeijianError);
  return error as WeijianError;
}

describe('decodePlanDocument: text encodings', () => {
  it('reads UTF-8 with and without a BOM', async () => {
    expect(await decodePlanDocument(readSeed('jiangyin'), 'a.txt')).toEqual({
      text: seedText,
      encoding: 'utf-8',
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readSeed('jiangyin')]);
    expect(await decodePlanDocument(bom, 'a.txt')).toEqual({ text: seedText, encoding: 'utf-8' });
  });

  it('detects GBK and reads it as GB18030, its superset', async () => {
    const gbk = iconv.encode(seedText, 'gbk');
    expect(await decodePlanDocument(gbk, 'a.txt')).toEqual({ text: seedText, encoding: 'gb18030' });
  });

  it('reads GB18030 beyond GBK (蓟州 has U+00A0, which GBK cannot encode)', async () => {
    const jizhou = readSeed('jizhou').toString('utf8');
    const bytes = iconv.encode(jizhou, 'gb18030');
    expect(await decodePlanDocument(bytes, 'a.txt')).toEqual({ text: jizhou, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM, little and big endian', async () => {
    const le = iconv.encode(seedText, 'utf-16le', { addBOM: true });
    const be = iconv.encode(seedText, 'utf-16be', { addBOM: true });
    expect(await decodePlanDocument(le, 'a.txt')).toEqual({ text: seedText, encoding: 'utf-16le' });
    expect(await decodePlanDocument(be, 'a.txt')).toEqual({ text: seedText, encoding: 'utf-16be' });
  });
});

describe('decodePlanDocument: refused input', () => {
  it('refuses an empty file and one with only whitespace', async () => {
    expect((await failure(new Uint8Array(0), 'empty.txt')).code).toBe('plan.empty-file');
    expect((await failure(Buffer.from(' \n\t\n'), 'blank.txt')).code).toBe('plan.empty-file');
  });

  it('refuses binary data: NUL bytes, or control characters', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const nul = await failure(png, 'image.txt');
    expect(nul.code).toBe('plan.not-text');
    expect(nul.place.file).toBe('image.txt');
    const controls = Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08'.repeat(100));
    expect((await failure(controls, 'controls.txt')).code).toBe('plan.not-text');
  });

  it('refuses a 50 MB text file by its size, before decoding it', async () => {
    const started = Date.now();
    const error = await failure(new Uint8Array(50 * 1024 * 1024).fill(0x41), 'huge.txt');
    expect(error.code).toBe('plan.too-large');
    expect(error.message).toBe('the file has 50 MB; the limit for this format is 20 MB');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses formats it cannot read and names the ones it can', async () => {
    for (const name of ['plan.pdf', 'plan.doc']) {
      const error = await failure(Buffer.from('%PDF-1.7'), name);
      expect(error.code).toBe('plan.unsupported-format');
      expect(error.message).toContain('.txt');
      expect(error.message).toContain('.docx');
    }
  });

  it('refuses a .docx that is not a zip', async () => {
    expect((await failure(Buffer.from('not a zip at all'), 'plan.docx')).code).toBe('plan.unreadable-docx');
  });
});

describe('decodePlanDocument: .docx', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const cell = (texts: string[], merge?: 'restart' | 'continue') =>
    `<w:tc><w:tcPr>${merge ? `<w:vMerge w:val="${merge}"/>` : ''}</w:tcPr>${texts.map(p).join('') || p('')}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

  async function docx(body: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Target="word/document.xml" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
    );
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    );
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('prints tables in the flattened form of the text exports, merged cells as empty cells', async () => {
    const header = row(...['领域', '序号', '主要指标', '单位', '2025年', '性质'].map((t) => cell([t])));
    const body =
      p('表2  某县“十四五”卫生健康主要发展指标') +
      `<w:tbl>${header}` +
      row(
        cell(['健康', '水平'], 'restart'),
        ...['1', '人均预期寿命', '岁', '80左右', '预期性'].map((t) => cell([t])),
      ) +
      row(cell([], 'continue'), ...['2', '婴儿死亡率', '‰', '≤3', '约束性'].map((t) => cell([t]))) +
      `</w:tbl>` +
      p('注：标#者为省、市规划指标');
    const { text, encoding } = await decodePlanDocument(await docx(body), 'plan.docx');
    expect(encoding).toBe('docx');
    expect(text).toBe(
      [
        '表2  某县“十四五”卫生健康主要发展指标',
        ...['\t领域', '\t序号', '\t主要指标', '\t单位', '\t2025年', '\t性质', ''],
        ...['\t健康', '水平', '\t1', '\t人均预期寿命', '\t岁', '\t80左右', '\t预期性', ''],
        ...['\t', '\t2', '\t婴儿死亡率', '\t‰', '\t≤3', '\t约束性', ''],
        '注：标#者为省、市规划指标',
        '',
      ].join('\n'),
    );
    const tables = readIndicatorTables(text.split('\n'), 'plan.docx');
    expect(tables.indicators.map((r) => [r.domain, r.seq, r.name, r.unit, r.target.text, r.nature])).toEqual([
      ['健康水平', '1', '人均预期寿命', '岁', '80左右', 'expected'],
      ['健康水平', '2', '婴儿死亡率', '‰', '≤3', 'binding'],
    ]);
    expect(tables.tableNotes).toEqual(['注：标#者为省、市规划指标']);
  });
});
