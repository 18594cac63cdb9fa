import { summarizePlan, type PlanSummary } from '../domain/plan/summary.js';
import type { ParsedPlan } from '../domain/plan/types.js';
import { parsePlan } from '../ingest/plan/parse-plan.js';
import type { Db } from '../store/db.js';
import { listPlans, planSlug, savePlan } from '../store/plan-repository.js';

export interface PlanFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportedPlan {
  id: number;
  created: boolean;
  plan: ParsedPlan;
  summary: PlanSummary;
}

/**
 * Reads every file first and stores only when all of them parsed: a bad file in a batch
 * stores nothing, and each plan is written in its own transaction (see savePlan).
 */
export async function importPlans(db: Db, files: PlanFile[]): Promise<ImportedPlan[]> {
  const parsed: ParsedPlan[] = [];
  for (const file of files) parsed.push(await parsePlan(file.bytes, file.name));
  return storePlans(db, parsed);
}

export interface PreviewedPlan {
  /** The stored plan an import would replace (same region and period), or null for a new one. */
  existingId: number | null;
  plan: ParsedPlan;
  summary: PlanSummary;
}

/**
 * Reads the files as an import would and stores nothing: the page shows the parsed tables and their warnings,
 * and the user then confirms by importing the same files. A bad file fails the whole preview, as it would the import.
 */
export async function previewPlans(db: Db, files: PlanFile[]): Promise<PreviewedPlan[]> {
  const parsed: ParsedPlan[] = [];
  for (const file of files) parsed.push(await parsePlan(file.bytes, file.name));
  const stored = new Map((await listPlans(db)).map((p) => [planSlug(p), p.id]));
  return parsed.map((plan) => ({
    existingId: stored.get(planSlug(plan)) ?? null,
    plan,
    summary: summarizePlan(plan),
  }));
}

export async function storePlans(db: Db, plans: ParsedPlan[]): Promise<ImportedPlan[]> {
  const imported: ImportedPlan[] = [];
  for (const plan of plans) {
    const { id, created } = await savePlan(db, plan);
    imported.push({ id, created, plan, summary: summarizePlan(plan) });
  }
  return imported;
}
