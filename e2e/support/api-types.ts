/** The parts of the API's answers the browser tests cross-check (the full shapes are in /api/openapi.json). */
export interface ApiPlanRow {
  domain: string | null;
  name: string;
  marks: string[];
  unit: string | null;
  baseline: { text: string; value: number | null } | null;
  target: { text: string; kind: string; value?: number };
  nature: 'expected' | 'binding' | 'guiding' | null;
  parent: number | null;
}

export interface ApiPlan {
  id: number;
  title: string;
  region: { code: string | null; name: string };
  indicators: ApiPlanRow[];
}

export interface ApiPlanList {
  plans: {
    id: number;
    title: string;
    region: { name: string; code: string | null };
    period: { start: number; end: number };
    indicatorCount: number;
    updatedAt: string;
  }[];
}

export type ApiStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data' | 'not-assessable';

export interface ApiAssessment {
  year: number;
  counts: Record<ApiStatus, number>;
  binding: { total: number; offTrack: number };
  rows: {
    position: number;
    name: string;
    unit: string | null;
    rowKey: string;
    computable: boolean;
    actuals: {
      year: number;
      chosen: { value: number; source: 'computed' | 'manual' } | null;
      computed: { value: number } | null;
      manual: { id: number; value: number; status: string } | null;
    }[];
    assessment: { status: ApiStatus; projection: { value: number | null } };
  }[];
}

export interface ApiManualValue {
  id: number;
  rowKey: string;
  year: number;
  value: number;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  returnReason: string | null;
  source: string | null;
  createdBy: string;
  updatedBy: string;
}

export interface ApiChecklistItem {
  kind: 'task' | 'project';
  position: number;
  number: string;
  heading: string;
  department: string | null;
  progress: { year: number; status: string; note: string | null; updatedBy: string }[];
}
