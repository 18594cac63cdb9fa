import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WeijianError } from '../domain/errors.js';
import { isRegionCode } from '../domain/region/code.js';
import { EXPORTS, exportTable } from '../fhir/store/export-resources.js';
import type { Sql } from '../fhir/store/sql.js';
import type { Database } from '../store/db.js';

/** The Bulk Data `$export` manifest, for files in a directory (urls relative to it). */
export interface ExportManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: false;
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string }[];
}

/**
 * Writes a county's records as FHIR R4 NDJSON in the Bulk Data layout: one `<Type>.ndjson` per resource
 * type and `manifest.json`. Tables are read page by page, so memory stays bounded. Files come in reference
 * order (manifest `output`), which is the order `weijian import` reads them back.
 */
export async function exportFhir(
  database: Database,
  countyCode: string,
  dir: string,
  options: { request?: string; onProgress?: (type: string, count: number) => void } = {},
): Promise<ExportManifest> {
  if (!isRegionCode(countyCode))
    throw new WeijianError('export.county', `"${countyCode}" is not a 6-digit county code`);
  await mkdir(dir, { recursive: true });
  const transactionTime = new Date().toISOString();
  const counts = new Map<string, number>();
  const streams = new Map<string, WriteStream>();
  try {
    await withSql(database, async (sql) => {
      for (const { table } of EXPORTS) {
        for await (const page of exportTable(sql, countyCode, table)) {
          for (const [type, resource] of page) {
            let stream = streams.get(type);
            if (!stream) streams.set(type, (stream = createWriteStream(path.join(dir, `${type}.ndjson`))));
            if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
            counts.set(type, (counts.get(type) ?? 0) + 1);
          }
          options.onProgress?.(
            table,
            [...counts.values()].reduce((a, b) => a + b, 0),
          );
        }
      }
    });
  } finally {
    await Promise.all([...streams.values()].map((s) => new Promise((resolve) => s.end(resolve))));
  }
  const manifest: ExportManifest = {
    transactionTime,
    request: options.request ?? `weijian export --format fhir --county ${countyCode}`,
    requiresAccessToken: false,
    output: [...counts].map(([type, count]) => ({ type, url: `${type}.ndjson`, count })),
    error: [],
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A read on one connection, in a repeatable-read transaction: every file sees the same snapshot. */
async function withSql<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const run = async (query: Sql['query']) => {
    await query('begin transaction isolation level repeatable read read only');
    try {
      return await work({ query });
    } finally {
      await query('commit');
    }
  };
  if (database.driver.kind === 'pglite') {
    const client = database.driver.client;
    return run(async (text, params) => (await client.query(text, params)).rows as never);
  }
  const client = await database.driver.pool.connect();
  try {
    return await run(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    client.release();
  }
}

/** The county of a database that holds exactly one (the usual case); otherwise the caller must say. */
export async function onlyCounty(database: Database): Promise<string> {
  const rows = await withSql(database, (sql) =>
    sql.query<{ county_code: string }>("select county_code from regions where level = 'county' order by 1"),
  );
  if (rows.length !== 1) {
    throw new WeijianError(
      'export.county',
      `pass the county code (the database has ${rows.length} counties)`,
    );
  }
  return rows[0]!.county_code;
}
