import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, text, type AnyPgColumn, type PgColumn } from 'drizzle-orm/pg-core';

/*
 * Column builders and constraints shared by the records tables. Not exported from the schema index:
 * drizzle-kit only needs the tables. Every county-owned table starts its primary key with
 * `county_code` (the future Citus distribution column) and every foreign key between them carries it.
 */

/** `county_code`: 6-digit GB/T 2260 code of the county that owns the row. */
export const countyCode = () => text('county_code').notNull();

/** A bigint row id: identity by default, so a bulk loader may also supply (reserved) ids. */
export const id = () => bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity();

/** A reference to another table's id (always paired with county_code in the foreign key). */
export const ref = (name: string) => bigint(name, { mode: 'number' });

/**
 * Where an imported row came from: `source_system` (e.g. `his:320612-001`, `bphs`, `synthetic`) and the
 * record id in it. `(county_code, source_system, source_id)` is the natural key that makes import an upsert.
 */
export const source = () => ({
  sourceSystem: text('source_system').notNull(),
  sourceId: text('source_id').notNull(),
});

/** CHECK that county_code is 6 digits. */
export const countyCodeCheck = (table: string, column: AnyPgColumn) =>
  check(`${table}_county_code_check`, sql`${column} ~ '^[0-9]{6}$'`);

/** CHECK that a text column holds one of the listed values (kept as text, not a PG enum, to evolve easily). */
export const oneOf = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))})`);

/** A composite foreign key with an explicit name (generated names pass PostgreSQL's 63-byte limit). */
export const fk = (
  name: string,
  columns: [PgColumn, ...PgColumn[]],
  foreignColumns: [PgColumn, ...PgColumn[]],
  onDelete?: 'cascade',
) => {
  const key = foreignKey({ name, columns, foreignColumns });
  return onDelete ? key.onDelete(onDelete) : key;
};

/** Sex as coded in the records (GB/T 2261.1 0/1/2 read as words). */
export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
