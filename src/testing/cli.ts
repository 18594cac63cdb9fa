import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(fileURLToPath(import.meta.url), '../../../bin/weijian.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `weijian ARGS` on the embedded database in `dataDir` (WEIJIAN_DATA), with `stdin` as its input and
 * `cwd` as its working directory.
 */
export function runWeijian(
  dataDir: string,
  args: string[],
  options: { stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  const env = { ...process.env, WEIJIAN_DATA: dataDir, DATABASE_URL: '' };
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env, cwd: options.cwd },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.stdin ?? '');
  });
}
