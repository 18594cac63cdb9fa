import { failure, request } from './client';
import type {
  ChecklistItem,
  ItemKind,
  ItemUpdate,
  ManualValue,
  ManualValueEvent,
  PlanAssessment,
  ReportFormat,
  ReportKind,
} from './monitoring-types';

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const getAssessment = ({ planId, year }: { planId: number; year: number }) =>
  request<PlanAssessment>(`/api/plans/${planId}/assessment?year=${year}`);

export const listManualValues = (planId: number) =>
  request<{ values: ManualValue[] }>(`/api/plans/${planId}/manual-values`).then((r) => r.values);

export const createManualValue = (
  planId: number,
  input: { position: number; year: number; value: number; source: string | null },
) => request<ManualValue>(`/api/plans/${planId}/manual-values`, json('POST', input));

export const editManualValue = (
  id: number,
  input: { value: number; source: string | null; reason?: string | null },
) => request<ManualValue>(`/api/manual-values/${id}`, json('PUT', input));

export const transitionManualValue = (
  id: number,
  action: 'submit' | 'approve' | 'return',
  reason: string | null = null,
) => request<ManualValue>(`/api/manual-values/${id}/${action}`, json('POST', { reason }));

export const manualValueHistory = (id: number) =>
  request<{ events: ManualValueEvent[] }>(`/api/manual-values/${id}/history`).then((r) => r.events);

export const manualTemplateUrl = (planId: number) => `/api/plans/${planId}/manual-values/template.xlsx`;

export interface ManualImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; year: number | null; code: string; message: string }[];
}

export function importManualValues(planId: number, file: File): Promise<ManualImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<ManualImportResult>(`/api/plans/${planId}/manual-values/import`, {
    method: 'POST',
    body: form,
  });
}

export const listPlanItems = (planId: number) =>
  request<{ items: ChecklistItem[] }>(`/api/plans/${planId}/items`).then((r) => r.items);

export const updatePlanItem = (planId: number, kind: ItemKind, position: number, update: ItemUpdate) =>
  request<ChecklistItem>(`/api/plans/${planId}/items/${kind}/${position}`, json('PUT', update));

export function reportUrl(planId: number, kind: ReportKind, format: ReportFormat, year: number | null) {
  const query = new URLSearchParams({ kind, format });
  if (year !== null) query.set('year', String(year));
  return `/api/plans/${planId}/report?${query}`;
}

/** A file the API answers (a report), as a blob with the name the server gave it; errors as ApiError. */
export async function fetchFile(url: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw failure(response.status, await response.text());
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? url.split('/').pop()!.split('?')[0]!;
  return { blob: await response.blob(), fileName };
}
