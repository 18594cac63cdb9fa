import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../store/db.js';

/** A named parameter's value; arrays travel as PostgreSQL array literals (cast in the SQL, `:years::int[]`). */
export type ParamValue = string | number | readonly (string | number)[];

/** Named placeholders `:name` (not `::type` casts) in the compiled SQL texts. */
const PLACEHOLDER = /(?<![:\w]):([a-z][a-z_]*)/g;

/** Binds `:name` placeholders of a SQL text as query parameters. */
export function bind(text: string, params: Readonly<Record<string, ParamValue>>): SQL {
  const out = sql.empty();
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name}`);
    out.append(sql.raw(text.slice(last, match.index)));
    out.append(sql`${Array.isArray(value) ? `{${value.join(',')}}` : value}`);
    last = match.index + match[0].length;
  }
  out.append(sql.raw(text.slice(last)));
  return out;
}

/** Runs one statement and returns its rows (both drivers answer `{ rows }`). */
export async function query<T>(db: Db, text: string, params: Readonly<Record<string, ParamValue>> = {}) {
  const result = (await db.execute(bind(text, params))) as unknown as { rows: T[] };
  return result.rows;
}
