/** Shapes of the API's JSON, as documented at /api/openapi.json (the web app talks to the server only over HTTP). */

export type Nature = 'expected' | 'binding' | 'guiding';
export type Comparison = '<' | '<=' | '>' | '>=';
export type Direction = 'increase' | 'decrease';

export type Target =
  | {
      text: string;
      kind: 'bound';
      op: Comparison;
      value: number;
      percent: boolean;
      unit?: string;
      scope?: string;
    }
  | { text: string; kind: 'exact'; value: number; percent: boolean; unit?: string }
  | { text: string; kind: 'approx'; value: number; tolerance: number; percent: boolean; unit?: string }
  | { text: string; kind: 'range'; min: number; max: number; percent: boolean; unit?: string }
  | { text: string; kind: 'ratio'; left: number; right: number }
  | {
      text: string;
      kind: 'relative';
      baseYear: number | null;
      baseValue: number | null;
      direction: Direction;
      percent: number;
    }
  | {
      text: string;
      kind: 'points';
      baseYear: number | null;
      baseValue: number | null;
      direction: Direction;
      points: number;
    }
  | { text: string; kind: 'benchmark'; benchmark: string; op: Comparison }
  | { text: string; kind: 'proportional'; direction: Direction }
  | { text: string; kind: 'notSet' }
  | { text: string; kind: 'qualitative'; direction?: Direction };

export interface PrintedValue {
  text: string;
  value: number | null;
  year: number | null;
}

export interface PlanRow {
  domain: string | null;
  seq: string | null;
  marks: string[];
  name: string;
  indicatorId: string | null;
  unmappedReason: string | null;
  unit: string | null;
  baseline: PrintedValue | null;
  target: Target;
  nature: Nature | null;
  parent: number | null;
  sourceLines: [number, number];
  warnings: string[];
}

export interface Region {
  code: string | null;
  name: string;
}

export interface Period {
  start: number;
  end: number;
}

export interface PlanListEntry {
  id: number;
  title: string;
  region: Region;
  period: Period;
  issuedOn: string | null;
  indicatorCount: number;
  mappedCount: number;
  updatedAt: string;
}

export interface Plan {
  id: number;
  title: string;
  region: Region;
  period: Period;
  issuedOn: string | null;
  indicators: PlanRow[];
  tableNotes: string[];
  warnings: string[];
}

export interface PlanImportSummary {
  rows: number;
  mapped: number;
  unmapped: { seq: string | null; name: string; reason: string }[];
  qualitative: number;
  tasks: number;
  projects: number;
  warnings: string[];
}

export interface PlanPreview {
  fileName: string;
  /** The stored plan the import would update (same region and period), or null for a new plan. */
  existingId: number | null;
  summary: PlanImportSummary;
  plan: Omit<Plan, 'id'>;
}

export interface PlanImportResult {
  plans: {
    id: number;
    created: boolean;
    title: string;
    region: Region;
    fileName: string;
    summary: PlanImportSummary;
  }[];
}

export interface RecordReject {
  file?: string;
  line?: number;
  entry?: number;
  field?: string;
  code: string;
  reason: string;
}

/** A county's indicators refreshed after an import (src/app/refresh-queued.ts). */
export interface IndicatorRefreshSummary {
  county: string;
  personYears: number;
  visits: number;
  definitions: number;
  milliseconds: number;
}

/** `POST /api/import`'s answer. */
export interface RecordImportResult {
  reports: RecordImportReport[];
  indicators: IndicatorRefreshSummary[];
}

export interface RecordImportReport {
  file: string;
  format: string;
  read: number;
  written: number;
  rejected: RecordReject[];
  byType: Record<string, number>;
}
