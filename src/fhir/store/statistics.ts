import type { Sql } from './sql.js';

/** Tables a record's table brings rows to as well (a Patient's identifiers, an Encounter's diagnoses). */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  residents: ['resident_identifiers'],
  encounters: ['encounter_diagnoses'],
};

/**
 * Planner statistics kept current during a long import. Autovacuum analyzes a table once a tenth of it
 * has changed, but it cannot see the rows of a transaction still open, and PGlite has no autovacuum at
 * all: a county imported in one transaction would be planned for its tables as they were before. A join
 * then estimated at a hundred rows gets nested loops over tens of thousands (measured: matching one
 * batch's patients took 4 s at 47 000 residents, and a 1 M-resource import slowed down batch after
 * batch). So the importer analyzes a table itself once the rows written to it since its last ANALYZE
 * reach the rows it held then: estimates stay within a factor of two, at a handful of ANALYZEs per
 * table. ANALYZE inside the transaction counts the transaction's own rows.
 */
export class ImportStatistics {
  /** Rows per table at its last ANALYZE (or as the catalog estimated them when first written). */
  private readonly known = new Map<string, number>();
  private readonly pending = new Map<string, number>();

  constructor(private readonly minimumRows = 1000) {}

  /** Counts rows written to a record table (and its companions). */
  note(table: string, rows: number): void {
    for (const t of [table, ...(COMPANIONS[table] ?? [])])
      this.pending.set(t, (this.pending.get(t) ?? 0) + rows);
  }

  /** Analyzes the tables that have doubled since their last ANALYZE; returns their names. */
  async refresh(sql: Sql): Promise<string[]> {
    const analyzed: string[] = [];
    for (const [table, written] of this.pending) {
      if (!this.known.has(table)) {
        const [row] = await sql.query<{ rows: number | null }>(
          `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = to_regclass($1)`,
          [table],
        );
        // Not a table of the store (a Practitioner lives in its roles' rows): never analyzed.
        if (!row) {
          this.pending.delete(table);
          continue;
        }
        this.known.set(table, Math.max(Number(row.rows), 0));
      }
      const before = this.known.get(table)!;
      if (written < Math.max(this.minimumRows, before)) continue;
      await sql.query(`ANALYZE ${table}`);
      this.known.set(table, before + written);
      this.pending.set(table, 0);
      analyzed.push(table);
    }
    return analyzed;
  }
}
