import type { ParsedPlan, TargetKind } from './types.js';

/** What an import reports: how many rows, how many mapped to the catalog, how many qualitative, which warnings. */
export interface PlanSummary {
  rows: number;
  reviewRows: number;
  mapped: number;
  unmapped: { seq: string | null; name: string; reason: string }[];
  qualitative: number;
  targetKinds: Partial<Record<TargetKind, number>>;
  tasks: number;
  projects: number;
  /** Plan-level warnings, then row warnings prefixed with the row's number and name. */
  warnings: string[];
}

export function summarizePlan(plan: ParsedPlan): PlanSummary {
  const targetKinds: Partial<Record<TargetKind, number>> = {};
  for (const row of plan.indicators) targetKinds[row.target.kind] = (targetKinds[row.target.kind] ?? 0) + 1;
  const rowLabel = (seq: string | null, name: string) => (seq ? `${seq} ${name}` : name);
  return {
    rows: plan.indicators.length,
    reviewRows: plan.reviewIndicators.length,
    mapped: plan.indicators.filter((r) => r.indicatorId !== null).length,
    unmapped: plan.indicators
      .filter((r) => r.indicatorId === null)
      .map((r) => ({ seq: r.seq, name: r.name, reason: r.unmappedReason ?? 'unknown' })),
    qualitative: targetKinds.qualitative ?? 0,
    targetKinds,
    tasks: plan.tasks.length,
    projects: plan.projects.length,
    warnings: [
      ...plan.warnings,
      ...[...plan.indicators, ...plan.reviewIndicators].flatMap((r) =>
        r.warnings.map((w) => `${rowLabel(r.seq, r.name)}: ${w}`),
      ),
    ],
  };
}

/** One line per fact, Chinese with English, for the CLI and logs. */
export function formatSummary(plan: ParsedPlan, summary: PlanSummary): string {
  const lines = [
    `${plan.title} — ${plan.region.name}${plan.region.code ? ` (${plan.region.code})` : ''}, ${plan.period.start}–${plan.period.end}`,
    `  指标 rows: ${summary.rows}${summary.reviewRows ? ` (+${summary.reviewRows} 回顾 review rows)` : ''}; ` +
      `已映射 mapped: ${summary.mapped}/${summary.rows}; 定性 qualitative: ${summary.qualitative}; ` +
      `任务 tasks: ${summary.tasks}; 专栏 projects: ${summary.projects}`,
    ...summary.unmapped.map((u) => `  未映射 unmapped: ${u.seq ?? '-'} ${u.name} — ${u.reason}`),
    ...summary.warnings.map((w) => `  警告 warning: ${w}`),
  ];
  return lines.join('\n');
}
