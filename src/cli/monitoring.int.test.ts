import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath } from '../testing/seeds.js';
import { runWeijian } from '../testing/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-monitoring-'));

const weijian = (...args: string[]) => runWeijian(path.join(dir, 'data'), args, { cwd: dir });

describe('weijian monitoring commands (CLI, embedded database)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('assesses a plan, compares an indicator and writes a report', async () => {
    const imported = JSON.parse((await weijian('plan', 'import', seedPath('tongzhou'), '--json')).stdout);
    const id = String(imported.id);

    const assess = await weijian('plan', 'assess', id, '--year', '2023', '--json');
    expect(assess.code).toBe(0);
    const m = JSON.parse(assess.stdout);
    expect(m.rows).toHaveLength(27);
    expect(m.counts).toMatchObject({ 'no-data': 24, 'not-assessable': 3 });
    expect((await weijian('plan', 'assess', id)).stderr).toContain("required option '--year <year>'");

    const compare = await weijian('compare', 'health-literacy-level');
    expect(compare.stdout).toContain('通州区\t居民健康素养水平\t基期 —\t目标 ≥ 36\t最新 —');

    const report = await weijian('report', '--plan', id, '--kind', 'final', '--format', 'xlsx');
    expect(report.code).toBe(0);
    expect(existsSync(path.join(dir, `weijian-plan-${id}-final-2025.xlsx`))).toBe(true);
    const bad = await weijian('report', '--plan', id, '--kind', 'yearly');
    expect(bad.stderr).toContain('expected one of annual, midterm, final');
    // Each run opens and migrates the embedded database.
  }, 180_000);
});
