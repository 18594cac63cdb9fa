import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPath } from '../testing/seeds.js';

const bin = path.resolve(fileURLToPath(import.meta.url), '../../../bin/weijian.js');
const dir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-monitoring-'));

async function weijian(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, WEIJIAN_DATA: path.join(dir, 'data'), DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env, cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

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
