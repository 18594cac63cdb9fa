import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeijianError } from '../domain/errors.js';
import type { Database } from '../store/db.js';
import { getPlan, listPlans } from '../store/plan-repository.js';
import { backends } from '../testing/databases.js';
import { readSeed, seedFiles } from '../testing/seeds.js';
import { importPlans } from './import-plans.js';
import { loadSamplePlansIfEmpty, readSamplePlans } from './sample-data.js';

describe.each(backends)('plan import on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('loads the five sample plans into an empty database, once', async () => {
    const loaded = await loadSamplePlansIfEmpty(database.db);
    expect(loaded.map((p) => p.summary.rows)).toEqual([49, 31, 20, 24, 27]);
    expect(await loadSamplePlansIfEmpty(database.db)).toEqual([]);
    expect(await listPlans(database.db)).toHaveLength(5);
  });

  it('the sample plans are what the importer reads from the seeds today', async () => {
    const samples = readSamplePlans();
    for (const [name, file] of Object.entries(seedFiles)) {
      const [imported] = await importPlans(database.db, [
        { name: file, bytes: readSeed(name as keyof typeof seedFiles) },
      ]);
      expect(imported?.created).toBe(false);
      expect(samples).toContainEqual(imported?.plan);
    }
    expect(await listPlans(database.db)).toHaveLength(5);
  });

  it('a GBK-encoded plan imports the same rows as the UTF-8 one', async () => {
    const gbk = iconv.encode(readSeed('siyang').toString('utf8'), 'gbk');
    const [imported] = await importPlans(database.db, [{ name: 'siyang-gbk.txt', bytes: gbk }]);
    expect(imported?.created).toBe(false);
    expect(imported?.plan.source.encoding).toMatch(/gb/i);
    const stored = await getPlan(database.db, imported!.id);
    expect(stored?.indicators).toHaveLength(24);
    expect(stored?.indicators.find((r) => r.name === '人均预期寿命')?.target).toMatchObject({
      kind: 'approx',
      value: 80,
    });
  });

  const utf8 = (s: string) => new TextEncoder().encode(s);
  const seedText = () => readSeed('jizhou').toString('utf8');
  const badInputs: [string, () => Uint8Array, string][] = [
    ['an empty file', () => new Uint8Array(), 'empty.txt'],
    ['a binary file', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'binary.txt'],
    [
      'a text with no indicator table',
      () => utf8('某县“十四五”卫生健康发展规划\n一、规划背景\n正文。\n'),
      'no-table.txt',
    ],
    [
      'a truncated table',
      () => {
        const text = seedText();
        const cut = text.indexOf('医护比');
        return utf8(text.slice(0, cut + 3));
      },
      'truncated.txt',
    ],
    ['a 50 MB file', () => new Uint8Array(50 * 1024 * 1024).fill(0x41), 'huge.txt'],
  ];

  it.each(badInputs)(
    '%s gets a clear error naming the file, and nothing stored changes',
    async (_, make, name) => {
      const before = await Promise.all((await listPlans(database.db)).map((p) => getPlan(database.db, p.id)));
      const error = await importPlans(database.db, [
        { name: seedFiles.tongzhou, bytes: readSeed('tongzhou') },
        { name, bytes: make() },
      ]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WeijianError);
      expect((error as WeijianError).place.file).toBe(name);
      expect((error as WeijianError).message.length).toBeGreaterThan(10);
      const after = await Promise.all((await listPlans(database.db)).map((p) => getPlan(database.db, p.id)));
      expect(after).toEqual(before);
    },
  );
});
