/** Shapes of the monitoring API's JSON (assessment, manual values, checklist), as /api/openapi.json has them. */

export type AssessmentStatus =
  'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data' | 'not-assessable';

export const ASSESSMENT_STATUSES: readonly AssessmentStatus[] = [
  'achieved',
  'on-track',
  'at-risk',
  'off-track',
  'no-data',
  'not-assessable',
];

export interface Bilingual {
  zh: string;
  en: string;
}

export type ManualValueStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type ManualValueAction = 'create' | 'edit' | 'submit' | 'approve' | 'return';

export interface ManualValue {
  id: number;
  regionCode: string;
  rowKey: string;
  indicatorId: string | null;
  year: number;
  value: number;
  status: ManualValueStatus;
  returnReason: string | null;
  source: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ManualValueEvent {
  id: number;
  at: string;
  actor: string;
  action: ManualValueAction;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ManualValueStatus | null;
  newStatus: ManualValueStatus;
  reason: string | null;
}

export interface YearActual {
  year: number;
  chosen: { value: number; source: 'computed' | 'manual' } | null;
  computed: { value: number; numerator: number; denominator: number } | null;
  manual: Omit<ManualValue, 'regionCode' | 'rowKey' | 'indicatorId'> | null;
}

export interface RowAssessment {
  status: AssessmentStatus;
  reason: Bilingual;
  actual: { year: number; value: number; source?: string } | null;
  expected: number | null;
  gap: number | null;
  projection: { year: number; value: number | null; note: Bilingual | null };
  binding: boolean;
  singledOut: boolean;
}

export interface MonitoredRow {
  position: number;
  name: string;
  unit: string | null;
  indicatorId: string | null;
  rowKey: string;
  /** Whether the indicator engine computes the row; the others are entered by hand. */
  computable: boolean;
  baseline: { year: number; value: number; text: string; source: 'printed' | 'review-table' } | null;
  actuals: YearActual[];
  assessment: RowAssessment;
}

export interface PlanAssessment {
  year: number;
  rows: MonitoredRow[];
  counts: Record<AssessmentStatus, number>;
  binding: { total: number; offTrack: number };
  singledOut: number[];
  rule: Bilingual;
}

export type ItemKind = 'task' | 'project';
export type ItemStatus = 'not-started' | 'in-progress' | 'completed' | 'delayed';
export const ITEM_STATUSES: readonly ItemStatus[] = ['not-started', 'in-progress', 'completed', 'delayed'];

export interface ItemProgress {
  year: number;
  status: ItemStatus;
  note: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface ChecklistItem {
  kind: ItemKind;
  position: number;
  number: string;
  heading: string;
  chapter: string | null;
  items: string[];
  department: string | null;
  progress: ItemProgress[];
}

export interface ItemUpdate {
  department?: string | null;
  progress?: { year: number; status: ItemStatus; note?: string | null }[];
}

export type ReportKind = 'annual' | 'midterm' | 'final';
export type ReportFormat = 'xlsx' | 'pdf' | 'html';
