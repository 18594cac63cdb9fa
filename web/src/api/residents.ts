import { request } from './client';

/** Shapes of `/api/residents…` (the API masks names, ID numbers and phones; reveal gives the full values). */
export interface Place {
  code: string;
  name: string;
}

export interface ResidentSummary {
  county: string;
  id: number;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  village: Place | null;
  town: Place | null;
  deathDate: string | null;
}

export interface ResidentDetail extends ResidentSummary {
  resident: boolean;
  registered: boolean;
  mergedIntoId: number | null;
  hasAddress: boolean;
}

export interface ResidentSearchResult {
  county: string;
  total: number;
  page: number;
  pageSize: number;
  match: string[];
  residents: ResidentSummary[];
}

export interface FacilityRef {
  id: number | null;
  name: string | null;
}

interface Entry<K extends string> {
  kind: K;
  date: string;
  id: number;
  facility: FacilityRef | null;
}

export type TimelineEntry =
  | (Entry<'health-record'> & { lastServiceOn: string | null; closedOn: string | null })
  | (Entry<'encounter'> & {
      class: string;
      endDate: string | null;
      department: string | null;
      diagnoses: { code: string; name: string | null }[];
      totalCost: number | null;
      outOfPocket: number | null;
      lengthOfStay: number | null;
    })
  | (Entry<'chronic-registration'> & { disease: string; closedOn: string | null; closeReason: string | null })
  | (Entry<'follow-up'> & {
      disease: string;
      faceToFace: boolean;
      systolic: number | null;
      diastolic: number | null;
      fastingGlucose: number | null;
      controlled: boolean | null;
    })
  | (Entry<'check-up'> & {
      programme: string;
      lifestyleAssessment: boolean;
      physicalExamination: boolean;
      auxiliaryTests: boolean;
      healthGuidance: boolean;
      formComplete: boolean;
    })
  | (Entry<'immunization'> & { vaccineCode: string; doseNumber: number })
  | (Entry<'contract'> & {
      endOn: string;
      cancelledOn: string | null;
      teamName: string | null;
      priorityGroups: string[];
      renewsContractId: number | null;
    })
  | (Entry<'referral'> & {
      direction: 'up' | 'down';
      status: string;
      receivedOn: string | null;
      toFacility: FacilityRef;
    })
  | (Entry<'pregnancy'> & { registrationWeek: number | null; deliveryDate: string | null })
  | (Entry<'prenatal-visit'> & { gestationalWeek: number | null })
  | (Entry<'delivery'> & { hospitalDelivery: boolean | null; postpartumVisitOn: string | null })
  | (Entry<'child-check'> & { eyeScreening: boolean })
  | Entry<'death'>;

export interface ResidentTimeline {
  county: string;
  residentId: number;
  entries: TimelineEntry[];
}

export interface RevealedResident {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface ResidentSearch {
  county: string;
  town?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function searchResidents(search: ResidentSearch): Promise<ResidentSearchResult> {
  const params = new URLSearchParams({
    county: search.county,
    page: String(search.page),
    pageSize: String(search.pageSize),
  });
  if (search.town) params.set('town', search.town);
  if (search.q) params.set('q', search.q);
  return request<ResidentSearchResult>(`/api/residents?${params}`);
}

export const getResident = (county: string, id: number) =>
  request<ResidentDetail>(`/api/residents/${county}/${id}`);

export const getTimeline = (county: string, id: number) =>
  request<ResidentTimeline>(`/api/residents/${county}/${id}/timeline`);

export const revealResident = (county: string, id: number, reason: string) =>
  request<RevealedResident>(`/api/residents/${county}/${id}/reveal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason }),
  });

/** Counties and towns the user may search, from `GET /api/regions` (already cut to the user's scope). */
export interface SearchArea {
  county: string;
  name: string;
  towns: { code: string; name: string }[];
}

interface RegionTree {
  counties: { countyCode: string; name: string; towns: { code: string; name: string }[] }[];
}

export const listSearchAreas = () =>
  request<RegionTree>('/api/regions').then((tree) =>
    tree.counties.map((c): SearchArea => ({
      county: c.countyCode,
      name: c.name,
      // The town filter takes the 9-digit town code.
      towns: c.towns.map((t) => ({ code: t.code.slice(0, 9), name: t.name })),
    })),
  );
