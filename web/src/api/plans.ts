import { request } from './client';
import type { Plan, PlanImportResult, PlanListEntry, PlanPreview } from './types';

export const listPlans = () => request<{ plans: PlanListEntry[] }>('/api/plans').then((r) => r.plans);

export const getPlan = (id: number) => request<Plan>(`/api/plans/${id}`);

const upload = (files: File[]) => {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return form;
};

export const importPlanFiles = (files: File[]) =>
  request<PlanImportResult>('/api/plans/import', { method: 'POST', body: upload(files) });

/** The plans as the import would read them; nothing is stored. */
export const previewPlanFiles = (files: File[]) =>
  request<{ plans: PlanPreview[] }>('/api/plans/preview', { method: 'POST', body: upload(files) }).then(
    (r) => r.plans,
  );
