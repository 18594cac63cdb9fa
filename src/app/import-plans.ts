import { summarizePlan, type PlanSummary } from '../domain/plan/summary.js';
import type { ParsedPlan } from '../domain/plan/types.js';
import { parsePlan } from '../ingest/plan/parse-plan.js';
import type { Db } from '../store/db.js';
import { savePlan } from '../store/plan-repository.js';

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

export async function storePlans(db: Db, plans: ParsedPlan[]): Promise<ImportedPlan[]> {
  const imported: ImportedPlan[] = [];
  for (const plan of plans) {
    const { id, created } = await savePlan(db, plan);
    imported.push({ id, created, plan, summary: summarizePlan(plan) });
  }
  return imported;
}
