// CPU seconds of this process and of the PostgreSQL backends serving a database, so figures taken on a
// shared, loaded machine can be read: wall-clock seconds there mostly measure the other processes.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Database } from '../src/store/db.js';

export interface CpuMark {
  process: number;
  backends: Map<number, number> | null;
}

/** utime + stime of the backends connected to the database (PostgreSQL on this host only), by pid. */
async function backendCpu(database: Database): Promise<Map<number, number> | null> {
  if (database.driver.kind !== 'postgres') return null;
  const { rows } = await database.driver.pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      return null; // the server runs elsewhere (or in a container): no backend figure
    }
  }
  return out;
}

export async function cpuMark(database: Database): Promise<CpuMark> {
  const usage = process.cpuUsage();
  return { process: (usage.user + usage.system) / 1e6, backends: await backendCpu(database) };
}

/** CPU spent from `from` to `to` (default now): this process, and the backends (those that ended meanwhile are missed). */
export async function cpuSince(database: Database, from: CpuMark, to?: CpuMark) {
  const now = to ?? (await cpuMark(database));
  const backends =
    now.backends && from.backends
      ? [...now.backends].reduce((sum, [pid, s]) => sum + s - (from.backends!.get(pid) ?? 0), 0)
      : null;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    nodeCpuSeconds: round(now.process - from.process),
    backendCpuSeconds: backends === null ? null : round(backends),
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  };
}
