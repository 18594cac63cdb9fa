import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const cli = path.resolve('src/cli/main.ts');

/** `weijian serve` in a child process on a loopback port (benches and crash tests kill or measure it). */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Resolves at the first line of the server's log (stdout) that matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, and wait for the exit (the server closes its database). */
  stop(): Promise<void>;
  /** kill -9, and wait for the exit. */
  kill(): Promise<void>;
}

/** A port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts the server with `env` on top of this process's (WEIJIAN_DATA or DATABASE_URL say which database;
 * no demo county is generated) and resolves once it says it listens — a health answer could come from
 * another process on the port.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = options.port || (await freePort());
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...process.env, WEIJIAN_DEMO_RESIDENTS: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let pending = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      for (const waiter of [...waiters]) {
        if (!waiter.pattern.test(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const waitForLog = async (pattern: RegExp, timeoutMs = 120_000) => {
    let resolve!: (line: string) => void;
    const matched = new Promise<string>((r) => (resolve = r));
    waiters.push({ pattern, resolve });
    const outcome = await Promise.race([
      matched,
      exited.then((code) => new Error(`the server exited (${code}) before ${pattern}: ${stderr}`)),
      sleep(timeoutMs).then(() => new Error(`no ${pattern} in the server log within ${timeoutMs} ms`)),
    ]);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  try {
    await waitForLog(/Server listening at/, options.timeoutMs ?? 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    child,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    waitForLog,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
