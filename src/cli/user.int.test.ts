import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchAudit } from '../access/audit.js';
import { verifyPassword } from '../access/password.js';
import { findUser } from '../access/users.js';
import { openDatabase } from '../store/db.js';
import { runWeijian } from '../testing/cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weijian-cli-user-'));

const weijian = (args: string[], stdin = '') => runWeijian(dataDir, args, { stdin });

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

  it('sets an account’s password from stdin, checked for strength and audited', async () => {
    const weak = await weijian(['user', 'password', '--username', 'doc', '--password-stdin'], 'weakpass\n');
    expect([weak.code, weak.stderr.includes('three kinds')]).toEqual([1, true]);
    const unknown = await weijian(
      ['user', 'password', '--username', 'nobody', '--password-stdin'],
      'Doctor-password-3',
    );
    expect([unknown.code, unknown.stderr.includes('no user nobody')]).toEqual([1, true]);
    const set = await weijian(
      ['user', 'password', '--username', 'doc', '--password-stdin'],
      'Doctor-password-3\n',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).not.toContain('Doctor-password-3');
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const doc = (await findUser(database.db, 'doc'))!;
      expect(await verifyPassword('Doctor-password-3', doc.passwordHash)).toBe(true);
      expect(await verifyPassword('Doctor-password-2', doc.passwordHash)).toBe(false);
      const [entry] = await searchAudit(database.db, { action: 'users.password-set' });
      expect(entry).toMatchObject({ resourceType: 'user', resourceId: String(doc.id), outcome: 'ok' });
    } finally {
      await database.close();
    }
  }, 120_000);
});
