/**
 * The one thing the FHIR writers need from a database: a parameterised query on the connection that
 * holds the import's transaction. Kept as an interface so src/fhir stays free of the store's drivers.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export type PgType = 'text' | 'date' | 'int' | 'bigint' | 'bool' | 'numeric' | 'timestamptz' | 'text[]';

/** A column written from an array parameter: its name, type and the values in row order. */
export interface ColumnValues {
  name: string;
  type: PgType;
  values: unknown[];
}

/**
 * `INSERT … SELECT FROM unnest($2::t[], …) ON CONFLICT (key) DO UPDATE`: one statement for the whole
 * batch, whatever its size. `text[]` columns travel as array literals (unnest would flatten a 2-D array).
 * Returns the statement's RETURNING rows.
 */
export async function upsert<T>(
  sql: Sql,
  table: string,
  countyCode: string,
  columns: ColumnValues[],
  conflict: string[],
  options: { returning?: string; keep?: string[] } = {},
): Promise<T[]> {
  if (!columns[0]?.values.length) return [];
  const names = columns.map((c) => c.name);
  const params = columns.map((c) =>
    c.type === 'text[]' ? c.values.map((v) => arrayLiteral(v as string[])) : c.values,
  );
  const select = columns.map((c, i) => (c.type === 'text[]' ? `s.c${i}::text[]` : `s.c${i}`)).join(', ');
  const unnest = columns.map((c, i) => `$${i + 2}::${c.type === 'text[]' ? 'text' : c.type}[]`).join(', ');
  const alias = columns.map((_, i) => `c${i}`).join(', ');
  const updated = names.filter((n) => !conflict.includes(n));
  // `keep`: nullable columns that an import without the value must not erase (a later, thinner record).
  const set = updated
    .map((n) =>
      options.keep?.includes(n) ? `${n} = coalesce(excluded.${n}, ${table}.${n})` : `${n} = excluded.${n}`,
    )
    .join(', ');
  const text =
    `insert into ${table} (county_code, ${names.join(', ')}) select $1, ${select} from unnest(${unnest}) as s(${alias}) ` +
    `on conflict (county_code, ${conflict.join(', ')}) ` +
    (set ? `do update set ${set}` : 'do nothing') +
    (options.returning ? ` returning ${options.returning}` : '');
  return sql.query<T>(text, [countyCode, ...params]);
}

/** A PostgreSQL array literal of text values, every element quoted. */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Reserves `count` ids of a table's identity sequence, so rows can be written with their ids known. */
export async function reserveIds(sql: Sql, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await sql.query<{ id: string | number }>(
    `select nextval(pg_get_serial_sequence('${table}', 'id')) as id from generate_series(1, $1::int)`,
    [count],
  );
  return rows.map((r) => Number(r.id));
}
