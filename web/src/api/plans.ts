import { request } from './client';
import type { Plan, PlanImportResult, PlanListEntry } from './types';

export const listPlans = () => request<{ plans: PlanListEntry[] }>('/api/plans').then((r) => r.plans);

export const getPlan = (id: number) => request<Plan>(`/api/plans/${id}`);

export function importPlanFiles(files: File[]): Promise<PlanImportResult> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return request<PlanImportResult>('/api/plans/import', { method: 'POST', body: form });
}
