import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { WeijianError } from '../domain/errors.js';
import { conflictingIdNumbers } from '../domain/identity/match-rules.js';
import { maskIdNumber } from '../domain/identity/mask.js';
import type { Db } from './db.js';
import {
  childHealthChecks,
  chronicDiseaseRegistrations,
  deaths,
  encounters,
  familyDoctorContracts,
  healthCheckups,
  healthRecords,
  immunizationDueDoses,
  immunizations,
  liveBirths,
  notifiableDiseaseReports,
  pregnancies,
  referrals,
  residentIdentifiers,
  residentMatchCandidates,
  residents,
} from './schema/index.js';

/*
 * Merging two residents of the master patient index (review in mpi.ts): every table that references a
 * resident is listed once below with what a merge does to it.
 */

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * What a merge does with a column that references the merged resident: `move` re-points it to the
 * survivor; the others are the tables where the survivor may already have the row (see MERGE_HANDLERS).
 */
type MergePolicy =
  'move' | 'fold-health-record' | 'keep-one-death' | 'skip-duplicate-due-dose' | 'candidates';

export interface ResidentReference {
  /** Key in record counts and merge results. */
  label: string;
  column: PgColumn;
  policy: MergePolicy;
  /** A record of the person's care (counted in the review list), not the index's own bookkeeping. */
  record: boolean;
}

const bookkeeping = (label: string, column: PgColumn, policy: MergePolicy = 'move'): ResidentReference => ({
  label,
  column,
  policy,
  record: false,
});
const record = (label: string, column: PgColumn, policy: MergePolicy = 'move'): ResidentReference => ({
  label,
  column,
  policy,
  record: true,
});

/**
 * Every column with a foreign key to residents, in one place. The integration test compares it with the
 * database's foreign keys, so a new table referencing residents fails until it is listed here.
 */
export const RESIDENT_REFERENCES: readonly ResidentReference[] = [
  bookkeeping('identifiers', residentIdentifiers.residentId),
  bookkeeping('candidates', residentMatchCandidates.residentId, 'candidates'),
  bookkeeping('candidates', residentMatchCandidates.otherResidentId, 'candidates'),
  bookkeeping('merged_residents', residents.mergedIntoId),
  record('health_records', healthRecords.residentId, 'fold-health-record'),
  record('encounters', encounters.residentId),
  record('referrals', referrals.residentId),
  record('chronic_disease_registrations', chronicDiseaseRegistrations.residentId),
  record('health_checkups', healthCheckups.residentId),
  record('child_health_checks', childHealthChecks.residentId),
  record('pregnancies', pregnancies.residentId),
  record('live_births_mother', liveBirths.motherResidentId),
  record('live_births_child', liveBirths.childResidentId),
  record('immunizations', immunizations.residentId),
  record('immunization_due_doses', immunizationDueDoses.residentId, 'skip-duplicate-due-dose'),
  record('family_doctor_contracts', familyDoctorContracts.residentId),
  record('notifiable_disease_reports', notifiableDiseaseReports.residentId),
  record('deaths', deaths.residentId, 'keep-one-death'),
];

export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Runs a data-modifying statement and gives the number of rows it inserted, updated or deleted. */
export async function touched(db: Db | Tx, statement: SQL): Promise<number> {
  // PGlite reports `affectedRows`, node-postgres `rowCount`.
  const result = (await db.execute(statement)) as unknown as {
    affectedRows?: number;
    rowCount?: number | null;
  };
  return result.affectedRows ?? result.rowCount ?? 0;
}

export interface MergeOptions {
  /** Why the reviewer decided these are one person; required. */
  reason: string;
  /** Who decided: stored in resident_match_candidates.decided_by. */
  actor: string;
}

/** A row of the merged resident that was not moved because the survivor already had its equivalent. */
export interface DroppedRow {
  table: string;
  /** The row's id, or its key where the table has no id. */
  key: string;
  note: string;
}

export interface MergeResult {
  survivorId: number;
  mergedId: number;
  /** The candidate pair's rule, or `manual` for a pair no rule had proposed. */
  rule: string;
  /** Survivor fields that were empty and now hold the merged resident's value. */
  filled: string[];
  /** Rows re-pointed to the survivor, per referencing column (RESIDENT_REFERENCES labels). */
  moved: Record<string, number>;
  dropped: DroppedRow[];
  reason: string;
  actor: string;
}

type Resident = typeof residents.$inferSelect;

/** Survivor fields filled from the merged resident when empty; never overwritten. */
const FILLED_FIELDS = [
  'residentIdNumber',
  'birthDate',
  'residenceVillageCode',
  'residenceCountyCode',
  'address',
  'phone',
  'deathDate',
] as const;

/**
 * Merges `mergedId` into `survivorId` in one transaction: every row referencing the merged resident
 * (RESIDENT_REFERENCES) is re-pointed or, where the survivor already has the one allowed row, folded or
 * dropped; the survivor's empty fields are filled; the merged row stays, with `merged_into_id`, for
 * traceability; the candidate pair is marked merged (or recorded as a `manual` pair).
 */
export async function mergeResidents(
  db: Db,
  countyCode: string,
  survivorId: number,
  mergedId: number,
  { reason, actor }: MergeOptions,
): Promise<MergeResult> {
  if (!reason.trim()) {
    throw new WeijianError(
      'mpi.reason-required',
      'a merge needs a reason (the evidence that they are one person)',
      { field: 'reason' },
    );
  }
  if (survivorId === mergedId) {
    throw new WeijianError('mpi.merge-self', `resident ${survivorId} cannot be merged into itself`, {
      field: 'mergedId',
    });
  }
  return db.transaction(async (tx) => {
    const [survivor, merged] = await lockPair(tx, countyCode, survivorId, mergedId);
    for (const r of [survivor, merged]) {
      if (r.mergedIntoId !== null) {
        throw new WeijianError(
          'mpi.already-merged',
          `resident ${r.id} was already merged into resident ${r.mergedIntoId}; use that one`,
          {},
          409,
        );
      }
    }
    if (conflictingIdNumbers(survivor.residentIdNumber, merged.residentIdNumber)) {
      throw new WeijianError(
        'mpi.different-id-numbers',
        `residents ${survivor.id} and ${merged.id} have different valid ID numbers ` +
          `(${maskIdNumber(survivor.residentIdNumber!)}, ${maskIdNumber(merged.residentIdNumber!)}): two people`,
        {},
        409,
      );
    }
    const fill = fillFrom(survivor, merged);
    // The ID number is unique in the county: free it on the merged row before the survivor takes it.
    await tx
      .update(residents)
      .set({
        mergedIntoId: survivor.id,
        updatedAt: sql`now()`,
        ...(fill.residentIdNumber ? { residentIdNumber: null } : {}),
      })
      .where(and(eq(residents.countyCode, countyCode), eq(residents.id, merged.id)));
    if (Object.keys(fill).length) {
      await tx
        .update(residents)
        .set({ ...fill, updatedAt: sql`now()` })
        .where(and(eq(residents.countyCode, countyCode), eq(residents.id, survivor.id)));
    }
    const rule = await markPairMerged(tx, countyCode, survivor.id, merged.id, actor);
    const pair: Pair = { countyCode, survivorId: survivor.id, mergedId: merged.id };
    const moved: Record<string, number> = {};
    const dropped: DroppedRow[] = [];
    for (const reference of RESIDENT_REFERENCES) {
      if (reference.label in moved) continue; // both candidate columns are handled at once
      const outcome = await MERGE_HANDLERS[reference.policy](tx, pair, reference);
      moved[reference.label] = outcome.moved;
      dropped.push(...outcome.dropped);
    }
    return { survivorId, mergedId, rule, filled: Object.keys(fill), moved, dropped, reason, actor };
  });
}

/**
 * Locks both resident rows, in id order so that two merges of the same pair cannot deadlock. A resident
 * of another county is refused by name rather than reported missing.
 */
async function lockPair(tx: Tx, countyCode: string, ...ids: [number, number]): Promise<[Resident, Resident]> {
  const found = await tx
    .select()
    .from(residents)
    .where(inArray(residents.id, ids))
    .orderBy(residents.id)
    .for('update');
  const [survivor, merged] = ids.map((id) => {
    const own = found.find((r) => r.id === id && r.countyCode === countyCode);
    if (own) return own;
    const elsewhere = found.find((r) => r.id === id);
    if (elsewhere) {
      throw new WeijianError(
        'mpi.other-county',
        `resident ${id} belongs to county ${elsewhere.countyCode}, not ${countyCode}: residents are merged within one county`,
        {},
        409,
      );
    }
    throw new WeijianError('mpi.resident-not-found', `no resident ${id} in county ${countyCode}`, {}, 404);
  });
  return [survivor!, merged!];
}

function fillFrom(survivor: Resident, merged: Resident): Partial<Resident> {
  const fill: Partial<Resident> = {};
  for (const field of FILLED_FIELDS) {
    if (survivor[field] === null && merged[field] !== null) Object.assign(fill, { [field]: merged[field] });
  }
  if (survivor.sex === 'unknown' && merged.sex !== 'unknown') fill.sex = merged.sex;
  return fill;
}

async function markPairMerged(
  tx: Tx,
  countyCode: string,
  a: number,
  b: number,
  actor: string,
): Promise<string> {
  const c = residentMatchCandidates;
  const decided = { status: 'merged' as const, decidedAt: sql`now()`, decidedBy: actor };
  const [row] = await tx
    .insert(c)
    .values({
      countyCode,
      residentId: Math.min(a, b),
      otherResidentId: Math.max(a, b),
      rule: 'manual',
      ...decided,
    })
    .onConflictDoUpdate({ target: [c.countyCode, c.residentId, c.otherResidentId], set: decided })
    .returning({ rule: c.rule });
  return row!.rule;
}

interface Pair {
  countyCode: string;
  survivorId: number;
  mergedId: number;
}

type MergeHandler = (
  tx: Tx,
  pair: Pair,
  reference: ResidentReference,
) => Promise<{ moved: number; dropped: DroppedRow[] }>;

const MERGE_HANDLERS: Record<MergePolicy, MergeHandler> = {
  move: async (tx, { countyCode, survivorId, mergedId }, { column }) => ({
    moved: await touched(
      tx,
      sql`update ${column.table} set ${sql.identifier(column.name)} = ${survivorId}
          where ${column.table}.county_code = ${countyCode} and ${column} = ${mergedId}`,
    ),
    dropped: [],
  }),

  /**
   * One health record per resident. When both have one, the survivor's stays and takes from the other
   * the earliest creation, the latest update and service, the empty number/facility/doctor and every
   * basic-information flag; the merged record is then deleted (its number is in the note).
   */
  'fold-health-record': async (tx, { countyCode, survivorId, mergedId }) => {
    const moved = await touched(
      tx,
      sql`update health_records set resident_id = ${survivorId}
          where county_code = ${countyCode} and resident_id = ${mergedId}
            and not exists (select 1 from health_records s where s.county_code = ${countyCode} and s.resident_id = ${survivorId})`,
    );
    await tx.execute(sql`
      update health_records s set
        created_on = least(s.created_on, m.created_on),
        last_updated_on = greatest(s.last_updated_on, m.last_updated_on),
        last_service_on = greatest(s.last_service_on, m.last_service_on),
        record_number = coalesce(s.record_number, m.record_number),
        managing_facility_id = coalesce(s.managing_facility_id, m.managing_facility_id),
        responsible_doctor_id = coalesce(s.responsible_doctor_id, m.responsible_doctor_id),
        has_id_number = s.has_id_number or m.has_id_number,
        has_name = s.has_name or m.has_name,
        has_sex = s.has_sex or m.has_sex,
        has_birth_date = s.has_birth_date or m.has_birth_date,
        has_address = s.has_address or m.has_address,
        has_phone = s.has_phone or m.has_phone,
        has_responsible_doctor = s.has_responsible_doctor or m.has_responsible_doctor
      from health_records m
      where s.county_code = ${countyCode} and s.resident_id = ${survivorId}
        and m.county_code = ${countyCode} and m.resident_id = ${mergedId}`);
    const deleted = await rows<{ id: string | number; record_number: string | null }>(
      tx,
      sql`delete from health_records where county_code = ${countyCode} and resident_id = ${mergedId}
          returning id, record_number`,
    );
    const dropped = deleted.map((d) => ({
      table: 'health_records',
      key: String(d.id),
      note: `folded into the survivor's health record (merged record number ${d.record_number ?? 'none'})`,
    }));
    return { moved, dropped };
  },

  /**
   * A person dies once. When both have a death report the survivor's stays and the merged one's is
   * deleted, or the death would count twice; the note names its source record for the registry.
   */
  'keep-one-death': async (tx, { countyCode, survivorId, mergedId }) => {
    const moved = await touched(
      tx,
      sql`update deaths set resident_id = ${survivorId}
          where county_code = ${countyCode} and resident_id = ${mergedId}
            and not exists (select 1 from deaths s where s.county_code = ${countyCode} and s.resident_id = ${survivorId})`,
    );
    const deleted = await rows<{
      id: string | number;
      source_system: string;
      source_id: string;
      death_date: string;
    }>(
      tx,
      sql`delete from deaths where county_code = ${countyCode} and resident_id = ${mergedId}
          returning id, source_system, source_id, death_date::text`,
    );
    const dropped = deleted.map((d) => ({
      table: 'deaths',
      key: String(d.id),
      note: `duplicate death report ${d.source_system}/${d.source_id} (${d.death_date}) deleted; the survivor's is kept`,
    }));
    return { moved, dropped };
  },

  /** A due dose the survivor already lists is the same dose: the merged resident's copy is dropped. */
  'skip-duplicate-due-dose': async (tx, { countyCode, survivorId, mergedId }) => {
    const moved = await touched(
      tx,
      sql`update immunization_due_doses d set resident_id = ${survivorId}
          where county_code = ${countyCode} and resident_id = ${mergedId}
            and not exists (select 1 from immunization_due_doses s where s.county_code = ${countyCode}
              and s.resident_id = ${survivorId} and s.vaccine_code = d.vaccine_code and s.dose_number = d.dose_number)`,
    );
    const deleted = await rows<{ vaccine_code: string; dose_number: number }>(
      tx,
      sql`delete from immunization_due_doses where county_code = ${countyCode} and resident_id = ${mergedId}
          returning vaccine_code, dose_number`,
    );
    const dropped = deleted.map((d) => ({
      table: 'immunization_due_doses',
      key: `${d.vaccine_code}/${d.dose_number}`,
      note: 'the survivor already has this dose due',
    }));
    return { moved, dropped };
  },

  /**
   * The merged resident's open and rejected pairs become the survivor's (a rejection still holds: the
   * other is not this person either). A pair the survivor already has keeps its row, except that a
   * rejection overrides a pending proposal. Merged pairs stay as history.
   */
  candidates: async (tx, { countyCode, survivorId, mergedId }) => ({
    moved: await touched(
      tx,
      sql`
        with old as (
          delete from resident_match_candidates
          where county_code = ${countyCode} and status <> 'merged' and ${mergedId} in (resident_id, other_resident_id)
          returning case when resident_id = ${mergedId} then other_resident_id else resident_id end as other,
            rule, score, status, created_at, decided_at, decided_by
        )
        insert into resident_match_candidates as c
          (county_code, resident_id, other_resident_id, rule, score, status, created_at, decided_at, decided_by)
        select ${countyCode}, least(other, ${survivorId}), greatest(other, ${survivorId}),
          rule, score, status, created_at, decided_at, decided_by
        from old where other <> ${survivorId}
        on conflict (county_code, resident_id, other_resident_id) do update
          set status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by
          where excluded.status = 'rejected' and c.status = 'pending'`,
    ),
    dropped: [],
  }),
};
