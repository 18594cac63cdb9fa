import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(fileURLToPath(import.meta.url), '../../../bin/weijian.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-user-'));

function weijian(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, WEIJIAN_DATA: dataDir, DATABASE_URL: '' };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('weijian user, token and audit (CLI, embedded database)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first administrator from stdin, never from an argument, and audits it', async () => {
    const weak = await weijian(
      ['user', 'add', '--username', 'root', '--role', 'admin', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('three kinds');
    const added = await weijian(
      ['user', 'add', '--username', 'root', '--role', 'admin', '--password-stdin', '--json'],
      'Admin-password-1\n',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'root', role: 'admin', regionCode: null });
    expect(added.stdout).not.toContain('Admin-password-1');
    const doctor = await weijian(
      ['user', 'add', '--username', 'doc', '--role', 'doctor', '--region', '320612100', '--password-stdin'],
      'Doctor-password-2',
    );
    expect(doctor.code).toBe(0);
    const list = await weijian(['user', 'list']);
    expect(list.stdout).toMatch(/doc\tdoctor\t320612100/);
    const token = await weijian(['token', 'create', '--user', 'doc']);
    expect(token.stdout.trim()).toMatch(/^wj_[A-Za-z0-9_-]{43}$/);

    const audit = await weijian(['audit', '--action', 'users', '--json']);
    const entries = JSON.parse(audit.stdout) as { action: string; actor: string }[];
    expect(entries.map((e) => e.action)).toEqual(['users.list', 'users.create', 'users.create']);
    expect(entries[0]!.actor).toBe(`cli:${userInfo().username}`);
    const tokens = await weijian(['audit', '--action', 'tokens']);
    expect(tokens.stdout).toContain('tokens.create');
    expect(tokens.stdout).not.toContain('wj_');
  }, 400_000);

  it('audits the reads of residents by the CLI', async () => {
    const read = await weijian(['residents', 'duplicates', '--county', '320612', '--json']);
    expect(read.code).toBe(0);
    const audit = await weijian(['audit', '--action', 'residents', '--json']);
    expect(JSON.parse(audit.stdout)[0]).toMatchObject({
      action: 'residents.duplicates.list',
      countyCode: '320612',
      actorRole: 'admin',
    });
  }, 120_000);
});
