import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { WeijianError } from '../domain/errors.js';
import { parseTarget } from '../domain/plan/target.js';
import { fromFhir, resourceRank } from '../fhir/index.js';
import { readFhirFile } from '../ingest/fhir/read-fhir-file.js';
import { parsePlan } from '../ingest/plan/parse-plan.js';
import type { Random } from '../ingest/synthetic/random.js';
import type { CellValue } from '../ingest/tabular/cell.js';
import { allKinds } from '../ingest/tabular/kinds.js';
import { readTabularFile } from '../ingest/tabular/read-file.js';
import { templateWorkbook } from '../ingest/tabular/template.js';
import { workbookBuffer } from '../ingest/tabular/workbook.js';
import { countyResources } from './fhir-county.js';
import { randomUnicode, type FuzzTarget } from './fuzz.js';
import { readSeed, seedFiles, type SeedName } from './seeds.js';

/*
 * The four parsers of outside input, as fuzz targets: the plan reader (.txt any encoding, .docx), the
 * target grammar, the FHIR importer (NDJSON/Bundle reading and mapping) and the Excel/CSV reader.
 */

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(items.length)]!;
const scratch = () => mkdtempSync(path.join(tmpdir(), 'weijian-fuzz-'));
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

const TARGET_WORDS = [
  '≥', '≤', '>', '<', '＞', '≧', '%', '‰', '左右', '约', '-', '～', '—', ':', '：', '1:1.', '在2020年基础上',
  '增长', '下降', '达到', '全省平均水平', '以上', '以下', '不低于', '不高于', '万', '亿', '.', '0', '85', '100',
  '（', '）', '持续', '提高', '稳定', '完成', '省下达任务', '逐步', '岁', '元', '张', '人', '个',
]; // prettier-ignore

const PLAN_WORDS = [
  '主要指标', '预期性', '约束性', '指导性', '序号', '指标名称', '单位', '2020年', '2025年', '属性', '其中', '#',
  '专栏', '十四五', '卫生健康发展规划', '第一章', '一、', '（一）', '\t', '|', '\n', '\r\n', '注：', '人均预期寿命',
  '岁', '‰', '%', '≥', '≤', '左右', '━━', '　',
]; // prettier-ignore

const JSON_WORDS = [
  '{', '}', '[', ']', ':', ',', '"', '\\u0000', '\\ud800', 'null', 'true', '-1e999', '1e309', '"resourceType"',
  '"Patient"', '"Bundle"', '"entry"', '"reference"', '"urn:uuid:', '"identifier"', '"extension"', '"valueCode"',
  '"birthDate"', '"1900-02-29"', '"2999-12-31"', '"meta"', '\n', '"__proto__"', '"constructor"',
]; // prettier-ignore

const CELL_WORDS = [
  ',', '"', '""', '\n', '\r\n', '320612', '320612100201', '2023', '-1', '1e9', '=SUM(A1)', '#N/A', '是', '否',
  '综合医院', '乡镇卫生院', '二级甲等', '　', '2023-02-29', 'TRUE', '\ufeff',
]; // prettier-ignore

export function targetGrammarTarget(): FuzzTarget {
  const samples = path.resolve(fileURLToPath(import.meta.url), '../../../samples/plans');
  const seeds = readdirSync(samples).flatMap((f) => {
    const plan = JSON.parse(readFileSync(path.join(samples, f), 'utf8')) as {
      indicators: { target: { text: string } | null }[];
    };
    return plan.indicators.flatMap((r) => (r.target ? [encoder.encode(r.target.text)] : []));
  });
  return {
    name: 'parseTarget',
    seeds,
    dictionary: TARGET_WORDS,
    generatedShare: 0.4,
    generate: (random) =>
      encoder.encode(
        Array.from({ length: 1 + random.int(6) }, () =>
          random.next() < 0.5 ? pick(random, TARGET_WORDS) : String(random.int(2000) / 10),
        ).join(''),
      ),
    run: (input) => parseTarget(text(input)),
    boundMs: 100,
  };
}

async function docxOf(lines: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
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
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = lines.map((l) => `<w:p><w:r><w:t>${escape(l)}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

export async function planTarget(): Promise<FuzzTarget> {
  const texts = (Object.keys(seedFiles) as SeedName[]).map((name) => new Uint8Array(readSeed(name)));
  const docx = await docxOf(text(texts[0]!).split('\n').slice(0, 400));
  return {
    name: 'parsePlan',
    seeds: [...texts, docx],
    textual: true,
    dictionary: PLAN_WORDS,
    generatedShare: 0.2,
    generate: (random) => {
      // A plan-shaped text: a title, a table header and rows of random cells.
      const rows = Array.from({ length: random.int(40) }, (_, i) =>
        [
          String(i + 1),
          pick(random, PLAN_WORDS),
          pick(random, ['岁', '%', '‰', '人']),
          String(random.int(100)),
        ]
          .concat(pick(random, TARGET_WORDS), pick(random, ['预期性', '约束性', randomUnicode(random, 3)]))
          .join(pick(random, ['\t', '  ', '|', ' '])),
      );
      const title = `${randomUnicode(random, random.int(4))}县“十四五”卫生健康发展规划`;
      return encoder.encode(
        [title, '主要指标', '序号\t指标\t单位\t2020年\t2025年\t属性', ...rows].join('\n'),
      );
    },
    run: (input, index) => parsePlan(input, isZip(input) ? `fuzz-${index}.docx` : `fuzz-${index}.txt`),
    boundMs: 5000,
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function randomJson(random: Random, depth = 0): Json {
  switch (random.int(depth > 3 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER]);
    case 3:
      return random.next() < 0.5 ? randomUnicode(random, random.int(20)) : pick(random, JSON_WORDS);
    case 4:
      return Array.from({ length: random.int(4) }, () => randomJson(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(4) }, () => [
          pick(random, JSON_WORDS),
          randomJson(random, depth + 1),
        ]),
      );
  }
}

/** Replaces, deletes or retypes one value somewhere in a resource. */
function mutateJson(random: Random, value: Json): Json {
  if (value === null || typeof value !== 'object' || random.next() < 0.2) return randomJson(random);
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (!keys.length) return randomJson(random);
  const key = pick(random, keys);
  const record = copy as Record<string, Json>;
  if (random.next() < 0.15) delete record[key];
  else record[key] = mutateJson(random, record[key]!);
  return copy;
}

export function fhirTarget(): FuzzTarget {
  const resources = [...countyResources(3)] as unknown as Json[];
  const ndjson = (items: Json[]) => encoder.encode(items.map((r) => JSON.stringify(r)).join('\n'));
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.slice(0, 30).map((resource, i) => ({ fullUrl: `urn:uuid:${i}`, resource })),
  };
  const dir = scratch();
  const ctx = { today: '2025-06-30', defaultSource: 'file:fuzz' };
  return {
    name: 'FHIR import',
    textual: true,
    seeds: [
      ndjson(resources.slice(0, 40)),
      ndjson(resources.slice(40, 80)),
      encoder.encode(JSON.stringify(bundle)),
    ],
    dictionary: JSON_WORDS,
    generatedShare: 0.5,
    generate: (random) => {
      const picked = Array.from({ length: 1 + random.int(4) }, () =>
        mutateJson(random, pick(random, resources)),
      );
      return random.next() < 0.3
        ? encoder.encode(
            JSON.stringify({
              ...bundle,
              entry: picked.map((resource, i) => ({ fullUrl: `urn:uuid:${i}`, resource })),
            }),
          )
        : ndjson(picked);
    },
    run: async (input, index) => {
      const name = text(input.subarray(0, 200)).includes('"Bundle"') ? `f${index}.json` : `f${index}.ndjson`;
      const file = path.join(dir, name.replace(/^f\d+/, 'input'));
      writeFileSync(file, input);
      for await (const item of readFhirFile(file, name, { rank: resourceRank })) {
        if (!('resource' in item)) continue;
        try {
          fromFhir(item.resource, ctx); // a rejected resource is the importer's normal answer
        } catch (error) {
          if (!(error instanceof WeijianError)) throw error;
        }
      }
    },
    boundMs: 2000,
  };
}

function randomCell(random: Random): CellValue {
  switch (random.int(5)) {
    case 0:
      return null;
    case 1:
      return random.int(100000) / pick(random, [1, 10, 100]);
    case 2:
      return pick(random, CELL_WORDS);
    case 3:
      return randomUnicode(random, random.int(12));
    default:
      return `${2020 + random.int(6)}`;
  }
}

export async function tabularTarget(random: Random): Promise<FuzzTarget> {
  const rows = (columns: number) =>
    Array.from({ length: 5 }, () => Array.from({ length: columns }, () => randomCell(random)));
  const csvCell = (v: CellValue) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const csv = (kind: (typeof allKinds)[number]) =>
    encoder.encode(
      [kind.columns.map((c) => c.header), ...rows(kind.columns.length)]
        .map((r) => r.map(csvCell).join(','))
        .join('\n'),
    );
  const filled = await workbookBuffer(
    allKinds.map((kind) => ({ kind, rows: rows(kind.columns.length) })),
    { notes: false },
  );
  const dir = scratch();
  return {
    name: 'Excel/CSV import',
    textual: true,
    seeds: [...allKinds.map(csv), new Uint8Array(filled), new Uint8Array(await templateWorkbook('all'))],
    dictionary: CELL_WORDS,
    generatedShare: 0.3,
    generate: (r) => {
      const kind = pick(r, allKinds);
      const headers = kind.columns.map((c) => (r.next() < 0.9 ? c.header : randomUnicode(r, 3)));
      const body = Array.from({ length: r.int(20) }, () => headers.map(() => randomCell(r)));
      return encoder.encode(
        [headers, ...body].map((row) => row.map(csvCell).join(',')).join(pick(r, ['\n', '\r\n'])),
      );
    },
    run: (input) => {
      const file = path.join(dir, isZip(input) ? 'input.xlsx' : 'input.csv');
      writeFileSync(file, input);
      return readTabularFile({ name: path.basename(file), path: file });
    },
    boundMs: 5000,
  };
}
