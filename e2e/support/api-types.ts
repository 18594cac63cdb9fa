/** The parts of the API's answers the browser tests cross-check (the full shapes are in /api/openapi.json). */
export interface ApiPlanRow {
  domain: string | null;
  name: string;
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
  plans: { id: number; title: string; region: { name: string }; indicatorCount: number }[];
}
