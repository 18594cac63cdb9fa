import { once } from 'node:events';
import type { Transaction } from '@electric-sql/pglite';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './db.js';

/**
 * Bulk loading with COPY on one dedicated connection, for both drivers: PostgreSQL through
 * `COPY … FROM STDIN` (pg-copy-streams), PGlite through `COPY … FROM '/dev/blob'`. Data is COPY text
 * format (tab-separated, `\N` for null), already encoded as UTF-8 blocks.
 */
export interface BulkSession {
  kind: Database['kind'];
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** `freeze`: COPY … WITH (FREEZE), for a table truncated in this transaction (see suspendSecondaryIndexes). */
  copyIn(
    table: string,
    columns: readonly string[],
    data: readonly Uint8Array[],
    freeze?: boolean,
  ): Promise<void>;
  release(): Promise<void>;
}

/** A session over PGlite's client, or over one of its transactions (which holds the one connection). */
function pgliteSession(client: Pick<Transaction, 'query'>): BulkSession {
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    async copyIn(table, columns, data, freeze) {
      const blob = new Blob(data as Uint8Array<ArrayBuffer>[]);
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${with_(freeze)}`, [], {
        blob,
      });
    },
    release: async () => {},
  };
}

export async function openBulkSession(database: Database): Promise<BulkSession> {
  const { driver } = database;
  if (driver.kind === 'pglite') return pgliteSession(driver.client);
  const client = await driver.pool.connect();
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    async copyIn(table, columns, data, freeze) {
      const stream = client.query(
        copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${with_(freeze)}`),
      );
      const done = once(stream, 'finish');
      for (const block of data) stream.write(block);
      stream.end();
      await done;
    },
    release: async () => client.release(),
  };
}

/**
 * Runs `work` on a session of its own, which may begin and end transactions by hand (a file imported batch
 * by batch). On PGlite that session is the one connection everything shares: it is held for `work`
 * (PGlite's transaction lock), so that other work — a server's requests — waits instead of running inside
 * those transactions, where a rollback would take it away and its COMMIT would commit half a file.
 * `work` starts inside PGlite's transaction: its own BEGIN and the final COMMIT only draw a warning.
 */
export async function withBulkSession<T>(
  database: Database,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  if (database.driver.kind === 'pglite') {
    return database.driver.client.transaction((tx) => work(pgliteSession(tx)));
  }
  const session = await openBulkSession(database);
  try {
    return await work(session);
  } finally {
    await session.release();
  }
}

const with_ = (freeze?: boolean) => (freeze ? ' WITH (FREEZE)' : '');

interface Definition {
  table: string;
  name: string;
  def: string;
}

export interface Suspended {
  /** Tables emptied in this transaction (they were empty): COPY may write them WITH (FREEZE). */
  truncated: Set<string>;
  /**
   * Puts back every index and constraint that was dropped. With `deferForeignKeys` the foreign keys come
   * back NOT VALID (enforced for new rows, the loaded rows not yet checked) and are returned, to be checked
   * by validateForeignKeys after the commit.
   */
  restore(options?: { deferForeignKeys?: boolean }): Promise<ForeignKey[]>;
}

export interface ForeignKey {
  table: string;
  name: string;
}

/**
 * Checks foreign keys added NOT VALID. VALIDATE CONSTRAINT takes only a SHARE UPDATE EXCLUSIVE lock (reads
 * and writes go on), so it can run after the load's commit beside other work, e.g. the indicator rebuild
 * on another connection: on two cores the check of the largest key (encounter diagnoses → encounters, a
 * single-threaded join) then costs no wall time.
 */
export async function validateForeignKeys(session: BulkSession, keys: readonly ForeignKey[]): Promise<void> {
  for (const k of keys) await session.query(`alter table ${k.table} validate constraint ${k.name}`);
}

/**
 * Drops the foreign keys, unique constraints and secondary indexes of `tables` and returns what puts them
 * back, read from the catalog so it always matches the migrations. Building an index once over loaded
 * rows is far cheaper than maintaining it row by row, and a foreign key added afterwards is checked by one
 * join instead of a trigger per row. Run both inside one transaction.
 *
 * With `empty` (every table is known to be empty) it also drops the primary keys and truncates the tables
 * that nothing outside `tables` references: a primary key built once after the load costs a third of
 * keeping it during COPY (50 k county, backend CPU), and COPY FREEZE into a table truncated in the same
 * transaction writes rows already frozen, so the first reads after the load do not rewrite every page to
 * set hint bits.
 */
export async function suspendSecondaryIndexes(
  session: BulkSession,
  tables: readonly string[],
  options: { empty?: boolean } = {},
): Promise<Suspended> {
  const list = tables.map((t) => `'${t}'::regclass`).join(', ');
  const constraints = await session.query<Definition & { type: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def, contype as type
       from pg_constraint where conrelid in (${list}) and contype in ('f', 'u') order by contype, conname`,
  );
  const indexes = await session.query<Definition>(
    `select i.indrelid::regclass::text as table, c.relname as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid in (${list}) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid
        and k.contype in ('p', 'u')) order by c.relname`,
  );
  // Foreign keys ('f') sort before unique constraints ('u'): they go first and come back last.
  for (const c of constraints) await session.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes) await session.query(`drop index ${i.name}`);
  // Once the foreign keys among `tables` are gone, a table no other foreign key points at can lose its
  // primary key and be truncated without touching anything else.
  const free = options.empty
    ? await session.query<Definition>(
        `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
           from pg_constraint p where conrelid in (${list}) and contype = 'p'
            and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = p.conrelid)
          order by 1`,
      )
    : [];
  for (const p of free) await session.query(`alter table ${p.table} drop constraint ${p.name}`);
  if (free.length) await session.query(`truncate ${free.map((p) => p.table).join(', ')}`);
  return {
    truncated: new Set(free.map((p) => p.table)),
    async restore({ deferForeignKeys = false } = {}) {
      for (const p of free) await session.query(`alter table ${p.table} add constraint ${p.name} ${p.def}`);
      for (const i of indexes) await session.query(i.def);
      const deferred: ForeignKey[] = [];
      for (const c of [...constraints].reverse()) {
        const defer = deferForeignKeys && c.type === 'f';
        await session.query(
          `alter table ${c.table} add constraint ${c.name} ${c.def}${defer ? ' not valid' : ''}`,
        );
        if (defer) deferred.push({ table: c.table, name: c.name });
      }
      return deferred;
    },
  };
}
