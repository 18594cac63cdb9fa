import type { FastifyRequest } from 'fastify';
import { residentsWithin } from '../../access/scope.js';
import { WeijianError } from '../../domain/errors.js';
import type { Sql } from '../../fhir/store/sql.js';
import type { Database } from '../../store/db.js';
import { principal } from '../auth.js';

/*
 * The FHIR base serves one county: the county of the caller's data scope when it names one (a county, town
 * or village), else the only county of the database; facility-scoped accounts are refused. Ids are the store's row ids, unique within a county.
 */

export interface FhirScope {
  county: string;
  /** Village-code prefix of the caller's scope inside the county; null = the whole county. */
  within: string | null;
}

/** The counties of each database, cached a few seconds (they change only with an import of regions). */
const counties = new WeakMap<Database, { at: number; codes: string[] }>();

export async function scopeOf(database: Database, request: FastifyRequest): Promise<FhirScope> {
  const p = principal(request);
  // The FHIR searches narrow by region only; a facility's patients are not a region, so rather than
  // answering with the whole region a facility-scoped account is refused.
  if (p.scope.facilityId !== null)
    throw new WeijianError(
      'fhir.facility-scope',
      'the FHIR endpoint serves accounts scoped to a region (county, town or village), not to a facility',
      {},
      403,
    );
  let known = counties.get(database);
  if (!known || Date.now() - known.at > 5000) {
    const rows = await readSql(database).query<{ code: string }>(
      "select county_code as code from regions where level = 'county' order by 1",
    );
    known = { at: Date.now(), codes: rows.map((r) => r.code) };
    counties.set(database, known);
  }
  const inScope = known.codes.filter((c) => residentsWithin(p.scope, c) !== null);
  if (inScope.length !== 1)
    throw new WeijianError(
      'fhir.county',
      inScope.length
        ? `the database holds ${inScope.length} counties in your scope: the FHIR endpoint serves one; use an account scoped to a county`
        : 'no county of the database is in your data scope',
      {},
      inScope.length ? 400 : 404,
    );
  const county = inScope[0]!;
  return { county, within: residentsWithin(p.scope, county)!.within };
}

/** Reads outside a transaction (PGlite's one connection, or the pool). */
export function readSql(database: Database): Sql {
  if (database.driver.kind === 'pglite') {
    const client = database.driver.client;
    return { query: async (text, params) => (await client.query(text, params)).rows as never };
  }
  const pool = database.driver.pool;
  return { query: async (text, params) => (await pool.query(text, params)).rows };
}

/**
 * One transaction: committed when `work` returns, rolled back when it throws. PGlite's `transaction` holds
 * its one connection for the duration, so concurrent requests wait rather than interleave.
 */
export async function inTransaction<T>(database: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  if (database.driver.kind === 'pglite') {
    return database.driver.client.transaction(async (tx) =>
      work({ query: async (text, params) => (await tx.query(text, params)).rows as never }),
    );
  }
  const client = await database.driver.pool.connect();
  try {
    await client.query('begin');
    const result = await work({ query: async (text, params) => (await client.query(text, params)).rows });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
