import { and, asc, count, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { WeijianError } from '../domain/errors.js';
import {
  ID_NUMBER_IDENTIFIER_SYSTEMS,
  ID_NUMBER_PATTERN,
  MATCH_RULES,
  NAME_CASE_FOLD,
  NAME_IGNORED_CHARACTERS,
  type MatchStrength,
} from '../domain/identity/match-rules.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/identity/mask.js';
import type { Db } from './db.js';
import { RESIDENT_REFERENCES, rows, touched } from './mpi-merge.js';
import { regions, residentMatchCandidates, residents } from './schema/index.js';
import { servedBy } from './facility-patients.js';

export { mergeResidents, RESIDENT_REFERENCES, type MergeOptions, type MergeResult } from './mpi-merge.js';

/*
 * The master patient index's duplicate review: find candidate pairs with the match rules
 * (domain/identity/match-rules.ts) as set-based SQL, list them masked, reject them; merging is in
 * mpi-merge.ts.
 */

const RECORD_LABELS = RESIDENT_REFERENCES.filter((r) => r.record).map((r) => r.label);

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The name key of match-rules' normaliseName, computed by the database (NFKC needs PostgreSQL 13+). */
const nameKey = (column: SQL) =>
  sql`translate(translate(normalize(${column}, NFKC), ${NAME_CASE_FOLD.from}, ${NAME_CASE_FOLD.to}), ${NAME_IGNORED_CHARACTERS}, '')`;

/** GB 11643 check digit test of an 18-character column: the digit at 0-based index i weighs 2^(17-i) mod 11. */
function validCheckDigit(column: string): SQL {
  const terms = Array.from(
    { length: 17 },
    (_, i) => `substr(${column}, ${i + 1}, 1)::int * ${2 ** (17 - i) % 11}`,
  );
  return sql.raw(`substr('10X98765432', (${terms.join(' + ')}) % 11 + 1, 1) = substr(${column}, 18, 1)`);
}

/**
 * Runs the match rules over the county's unmerged residents and records each new pair once, under its
 * strongest rule. Pairs already recorded (pending, merged or rejected) are left as they are, so a second
 * run adds nothing and a rejected pair is not proposed again. Returns the number of new pairs.
 */
export async function findDuplicateCandidates(db: Db, countyCode: string): Promise<number> {
  const ruleTable = sql.join(
    MATCH_RULES.map((r, i) => sql`(${r.name}::text, ${i}::int, ${r.score}::real)`),
    sql`, `,
  );
  return touched(
    db,
    sql`
      with active as (
        select id, resident_id_number as id_number, ${nameKey(sql`name`)} as name_key, sex, birth_date,
          residence_village_code as village
        from residents
        where county_code = ${countyCode} and merged_into_id is null
      ),
      numbers as (
        select id, id_number as number from active where id_number is not null
        union
        select a.id, upper(btrim(i.value))
        from resident_identifiers i join active a on a.id = i.resident_id
        where i.county_code = ${countyCode}
          and i.system in (${list(ID_NUMBER_IDENTIFIER_SYSTEMS)})
          and upper(btrim(i.value)) ~ ${ID_NUMBER_PATTERN}
      ),
      pairs as (
        select a.id as lo, b.id as hi, ${'id-number'}::text as rule
        from numbers a join numbers b on a.number = b.number and a.id < b.id
        union all
        -- Same town (first 9 digits of the village code); the same village is the stronger rule.
        select a.id, b.id,
          case when a.village = b.village then ${'demographics'}::text else ${'demographics-town'}::text end
        from active a join active b
          on a.name_key = b.name_key and a.sex = b.sex and a.birth_date = b.birth_date
          and left(a.village, 9) = left(b.village, 9) and a.id < b.id
        where a.sex <> 'unknown'
      ),
      best as (
        select distinct on (p.lo, p.hi) p.lo, p.hi, r.rule, r.score
        from pairs p join (values ${ruleTable}) as r(rule, rank, score) on r.rule = p.rule
        order by p.lo, p.hi, r.rank
      )
      insert into resident_match_candidates (county_code, resident_id, other_resident_id, rule, score)
      select ${countyCode}, best.lo, best.hi, best.rule, best.score
      from best join active a on a.id = best.lo join active b on b.id = best.hi
      -- Two different, correctly typed ID numbers are two people (match-rules conflictingIdNumbers).
      where not coalesce(
        a.id_number <> b.id_number and ${validCheckDigit('a.id_number')} and ${validCheckDigit('b.id_number')},
        false)
      on conflict do nothing`,
  );
}

export interface CandidateResident {
  id: number;
  /** Masked: `张*`. */
  name: string;
  sex: string;
  birthDate: string | null;
  /** Masked: `3206**********1234`. */
  idNumber: string | null;
  /** Masked: `138****5678`. */
  phone: string | null;
  village: { code: string; name: string | null } | null;
  deathDate: string | null;
  mergedIntoId: number | null;
  /** Rows per referencing table (health records, encounters, …). */
  records: Record<string, number>;
}

export interface MatchCandidate {
  resident: CandidateResident;
  other: CandidateResident;
  rule: string;
  /** Of the rule; null for a pair a reviewer merged without a rule (`manual`). */
  strength: MatchStrength | null;
  score: number | null;
  status: 'pending' | 'merged' | 'rejected';
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface CandidateQuery {
  status?: 'pending' | 'merged' | 'rejected';
  /** Only pairs whose residents both live in villages starting with this prefix (a user's data scope). */
  within?: string | null;
  /** Only pairs whose residents are both patients of this facility (a facility scope). */
  facilityId?: number | null;
  limit?: number;
  offset?: number;
}

/** One page of candidate pairs, strongest first, with both residents masked and their record counts. */
export async function listCandidates(
  db: Db,
  countyCode: string,
  { status = 'pending', within = null, facilityId = null, limit = 50, offset = 0 }: CandidateQuery = {},
): Promise<{ total: number; candidates: MatchCandidate[] }> {
  const c = residentMatchCandidates;
  const a = alias(residents, 'a');
  const b = alias(residents, 'b');
  const va = alias(regions, 'va');
  const vb = alias(regions, 'vb');
  const inScope = (village: AnyColumn) => sql`left(${village}, ${within?.length ?? 0}) = ${within}`;
  const where = and(
    eq(c.countyCode, countyCode),
    eq(c.status, status),
    within === null ? undefined : and(inScope(a.residenceVillageCode), inScope(b.residenceVillageCode)),
    facilityId === null ? undefined : and(servedBy(a, facilityId), servedBy(b, facilityId)),
  );
  const joinA = and(eq(a.countyCode, c.countyCode), eq(a.id, c.residentId));
  const joinB = and(eq(b.countyCode, c.countyCode), eq(b.id, c.otherResidentId));
  const [{ total }] = (await db
    .select({ total: count() })
    .from(c)
    .innerJoin(a, joinA)
    .innerJoin(b, joinB)
    .where(where)) as [{ total: number }];
  const page = await db
    .select({ c, a, b, aVillage: va.name, bVillage: vb.name })
    .from(c)
    .innerJoin(a, joinA)
    .innerJoin(b, joinB)
    .leftJoin(va, and(eq(va.countyCode, a.countyCode), eq(va.code, a.residenceVillageCode)))
    .leftJoin(vb, and(eq(vb.countyCode, b.countyCode), eq(vb.code, b.residenceVillageCode)))
    .where(where)
    .orderBy(desc(sql`coalesce(${c.score}, 0)`), asc(c.residentId), asc(c.otherResidentId))
    .limit(limit)
    .offset(offset);
  const records = await recordCounts(
    db,
    countyCode,
    page.flatMap((p) => [p.a.id, p.b.id]),
  );
  const view = (r: typeof residents.$inferSelect, villageName: string | null): CandidateResident => ({
    id: r.id,
    name: maskName(r.name),
    sex: r.sex,
    birthDate: r.birthDate,
    idNumber: r.residentIdNumber && maskIdNumber(r.residentIdNumber),
    phone: r.phone && maskPhone(r.phone),
    village: r.residenceVillageCode ? { code: r.residenceVillageCode, name: villageName } : null,
    deathDate: r.deathDate,
    mergedIntoId: r.mergedIntoId,
    records: records.get(r.id) ?? emptyCounts(),
  });
  return {
    total,
    candidates: page.map((p) => ({
      resident: view(p.a, p.aVillage),
      other: view(p.b, p.bVillage),
      rule: p.c.rule,
      strength: MATCH_RULES.find((r) => r.name === p.c.rule)?.strength ?? null,
      score: p.c.score,
      status: p.c.status,
      createdAt: p.c.createdAt.toISOString(),
      decidedAt: p.c.decidedAt?.toISOString() ?? null,
      decidedBy: p.c.decidedBy,
    })),
  };
}

const emptyCounts = () => Object.fromEntries(RECORD_LABELS.map((l) => [l, 0]));

/** Rows per record table for the given residents, in one query. */
async function recordCounts(
  db: Db,
  countyCode: string,
  ids: number[],
): Promise<Map<number, Record<string, number>>> {
  const result = new Map<number, Record<string, number>>();
  if (!ids.length) return result;
  const parts = RESIDENT_REFERENCES.filter((r) => r.record).map(
    (r) =>
      sql`select ${r.label}::text as label, ${r.column} as rid from ${r.column.table}
          where ${r.column.table}.county_code = ${countyCode} and ${r.column} in (${list(ids)})`,
  );
  const counted = await rows<{ label: string; rid: string | number; n: number }>(
    db,
    sql`select label, rid, count(*)::int as n from (${sql.join(parts, sql` union all `)}) r group by label, rid`,
  );
  for (const { label, rid, n } of counted) {
    const id = Number(rid);
    const counts = result.get(id) ?? emptyCounts();
    counts[label] = n;
    result.set(id, counts);
  }
  return result;
}

/** Marks a pair as two different people; the rules will not propose it again. Idempotent. */
export async function rejectCandidate(
  db: Db,
  countyCode: string,
  residentId: number,
  otherResidentId: number,
  { actor }: { actor: string },
): Promise<void> {
  const [lo, hi] =
    residentId < otherResidentId ? [residentId, otherResidentId] : [otherResidentId, residentId];
  const c = residentMatchCandidates;
  const pair = and(eq(c.countyCode, countyCode), eq(c.residentId, lo), eq(c.otherResidentId, hi));
  const [found] = await db.select({ status: c.status }).from(c).where(pair);
  if (!found) {
    throw new WeijianError(
      'mpi.candidate-not-found',
      `residents ${lo} and ${hi} are not a candidate pair in county ${countyCode}`,
      {},
      404,
    );
  }
  if (found.status === 'merged') {
    throw new WeijianError('mpi.candidate-merged', `residents ${lo} and ${hi} were already merged`, {}, 409);
  }
  if (found.status === 'rejected') return;
  await db
    .update(c)
    .set({ status: 'rejected', decidedAt: sql`now()`, decidedBy: actor })
    .where(pair);
}
