import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { actorOf, writeAudit } from '../access/audit.js';
import { ROLE_LABELS, ROLES, type Role } from '../access/permissions.js';
import { checkPasswordStrength } from '../access/password.js';
import { authorize, localOperator } from '../access/principal.js';
import { createApiToken, endOtherSessions, revokeApiToken } from '../access/sessions.js';
import { createUser, disableUser, listUsers, setPassword } from '../access/users.js';
import { WeijianError } from '../domain/errors.js';
import { withDatabase } from './database.js';

export function userCommand(): Command {
  const user = new Command('user').description('用户 Accounts: add (the first administrator too), list');
  user
    .command('add')
    .description(
      '新建用户 Create an account; the password is asked for (or read from stdin), never an argument',
    )
    .requiredOption('--username <name>', 'sign-in name')
    .addOption(
      new Option('--role <role>', ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', '))
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option('--region <code>', 'data scope: 6-, 9- or 12-digit region code (default: every region)')
    .option('--facility <id>', 'data scope: facility id (with --region, the county of the facility)')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--json', 'JSON output')
    .action(
      async (options: {
        username: string;
        role: Role;
        region?: string;
        facility?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin() : await promptPassword();
        checkPasswordStrength(password); // before opening the database: a quick answer to a weak password
        const facilityId = options.facility === undefined ? null : Number(options.facility);
        if (facilityId !== null && !(Number.isSafeInteger(facilityId) && facilityId > 0)) {
          throw new WeijianError(
            'cli.invalid-id',
            `--facility must be a positive integer, got "${options.facility}"`,
          );
        }
        const operator = localOperator();
        authorize(operator, 'users:manage');
        await withDatabase(async (db) => {
          const created = await createUser(db, {
            username: options.username,
            password,
            role: options.role,
            regionCode: options.region ?? null,
            facilityId,
          });
          await writeAudit(db, actorOf(operator), {
            action: 'users.create',
            resourceType: 'user',
            resourceId: String(created.id),
            details: { role: created.role },
          });
          if (options.json) return console.log(JSON.stringify(created, null, 2));
          console.log(
            `已创建 created ${created.username} (${created.role}, ${created.regionCode ?? 'all regions'})`,
          );
        });
      },
    );

  user
    .command('list')
    .description('用户列表 Accounts with role and data scope')
    .option('--json', 'JSON output')
    .action(async (options: { json?: boolean }) => {
      const operator = localOperator();
      authorize(operator, 'users:manage');
      await withDatabase(async (db) => {
        const users = await listUsers(db);
        await writeAudit(db, actorOf(operator), { action: 'users.list', details: { count: users.length } });
        if (options.json) return console.log(JSON.stringify(users, null, 2));
        for (const u of users) {
          const scope = [
            u.regionCode ?? 'all regions',
            u.facilityId === null ? '' : `facility ${u.facilityId}`,
          ];
          console.log(
            `${u.username}\t${u.role}\t${scope.filter(Boolean).join(', ')}${u.disabled ? '\tdisabled' : ''}`,
          );
        }
      });
    });
  user
    .command('password')
    .description(
      '设置密码 Set an account’s password (asked for, or read from stdin); its sessions end. ' +
        'Signed-in users change their own in the web app (POST /api/auth/password)',
    )
    .requiredOption('--username <name>', 'the account')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .action(async (options: { username: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readStdin() : await promptPassword();
      checkPasswordStrength(password);
      const operator = localOperator();
      authorize(operator, 'users:manage');
      await withDatabase(async (db) => {
        const changed = await setPassword(db, options.username, password);
        await endOtherSessions(db, changed.id);
        await writeAudit(db, actorOf(operator), {
          action: 'users.password-set',
          resourceType: 'user',
          resourceId: String(changed.id),
        });
        console.log(`已设置 password set for ${changed.username}; their sessions have ended`);
      });
    });
  user
    .command('disable')
    .description('停用 Disable an account: its sessions end and its API tokens stop working')
    .requiredOption('--username <name>', 'the account')
    .action(async (options: { username: string }) => {
      const operator = localOperator();
      authorize(operator, 'users:manage');
      await withDatabase(async (db) => {
        const disabled = await disableUser(db, options.username);
        await writeAudit(db, actorOf(operator), {
          action: 'users.disable',
          resourceType: 'user',
          resourceId: String(disabled.id),
        });
        console.log(`已停用 disabled ${disabled.username}`);
      });
    });
  return user;
}

export function tokenCommand(): Command {
  const token = new Command('token').description('API 令牌 API tokens for machine clients');
  token
    .command('create')
    .description('新建令牌 Create an API token for a user (printed once; send as `Authorization: Bearer …`)')
    .requiredOption('--user <name>', 'the account the token acts as')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (options: { user: string; name: string }) => {
      const operator = localOperator();
      authorize(operator, 'users:manage');
      await withDatabase(async (db) => {
        const { id, token: secret } = await createApiToken(db, options.user, options.name);
        await writeAudit(db, actorOf(operator), {
          action: 'tokens.create',
          resourceType: 'api-token',
          resourceId: String(id),
          details: { user: options.user },
        });
        console.log(secret);
        console.error(`token ${id}: shown once; revoke with weijian token revoke --id ${id}`);
      });
    });
  token
    .command('revoke')
    .description('吊销令牌 Revoke an API token')
    .requiredOption('--id <id>', 'the token id printed at creation')
    .action(async (options: { id: string }) => {
      const id = Number(options.id);
      if (!Number.isSafeInteger(id) || id <= 0) {
        throw new WeijianError('cli.invalid-id', `--id must be a positive integer, got "${options.id}"`);
      }
      const operator = localOperator();
      authorize(operator, 'users:manage');
      await withDatabase(async (db) => {
        await revokeApiToken(db, id);
        await writeAudit(db, actorOf(operator), {
          action: 'tokens.revoke',
          resourceType: 'api-token',
          resourceId: String(id),
        });
        console.log(`已吊销 revoked token ${id}`);
      });
    });
  return token;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks twice on the terminal without echoing. */
async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new WeijianError('cli.no-terminal', 'no terminal to ask for the password: use --password-stdin');
  }
  const ask = async (question: string) => {
    let muted = false;
    const output = new Writable({
      write: (chunk, _encoding, done) => {
        if (!muted) process.stderr.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    const answer = rl.question(question);
    muted = true;
    const value = await answer;
    rl.close();
    process.stderr.write('\n');
    return value;
  };
  const first = await ask('密码 Password: ');
  if ((await ask('再次输入 Again: ')) !== first)
    throw new WeijianError('cli.password-mismatch', 'the passwords differ');
  return first;
}
