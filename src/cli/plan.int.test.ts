import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath } from '../testing/seeds.js';
import { runWeijian } from '../testing/cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-'));

const weijian = (...args: string[]) => runWeijian(dataDir, args);

describe('weijian plan (CLI, embedded database)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports two plans with --json: an array of plans in the stable contract', async () => {
    const res = await weijian('plan', 'import', seedPath('tongzhou'), seedPath('baotou'), '--json');
    expect(res.code).toBe(0);
    const plans = JSON.parse(res.stdout);
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatchObject({ region: { code: '320612' }, period: { start: 2021, end: 2025 } });
    expect(plans[0].indicators).toHaveLength(27);
    expect(plans[0].reviewIndicators).toHaveLength(20);
    expect(plans[1].indicators).toHaveLength(49);
    for (const key of ['id', 'title', 'tasks', 'projects', 'warnings']) expect(plans[0]).toHaveProperty(key);
    expect(Object.keys(plans[0].indicators[0])).toEqual(
      expect.arrayContaining([
        'domain',
        'seq',
        'name',
        'indicatorId',
        'unit',
        'baseline',
        'target',
        'nature',
      ]),
    );
  });

  it('prints a summary without --json, lists and shows', async () => {
    const res = await weijian('plan', 'import', seedPath('jizhou'));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/指标 rows: 20;/);
    expect(res.stdout).toMatch(/已映射 mapped: \d+\/20/);
    const list = JSON.parse((await weijian('plan', 'list', '--json')).stdout);
    expect(list.map((p: { indicatorCount: number }) => p.indicatorCount)).toEqual([27, 49, 20]);
    const shown = JSON.parse((await weijian('plan', 'show', String(list[2].id), '--json')).stdout);
    expect(shown.region.code).toBe('120119');
    expect(shown.indicators.find((r: { name: string }) => r.name === '医护比')?.target).toMatchObject({
      kind: 'ratio',
      left: 1,
      right: 1,
    });
  });

  it('fails with a clear message and exit code 1 on bad input', async () => {
    const missing = await weijian('plan', 'import', path.join(dataDir, 'nope.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt: file not found');
    const empty = path.join(dataDir, 'empty.txt');
    writeFileSync(empty, '');
    const res = await weijian('plan', 'import', empty);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^weijian: empty\.txt/);
    expect(res.stderr).not.toContain('    at ');
    const huge = path.join(dataDir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024);
    const tooLarge = await weijian('plan', 'import', huge);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain('huge.txt: the file has 50 MB; the limit for this format is 20 MB');
    const notFound = await weijian('plan', 'show', '999');
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain('no plan with id 999');
  });
});
