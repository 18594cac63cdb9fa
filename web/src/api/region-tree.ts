import { request } from './client';

/** `GET /api/regions`: the stored counties with their towns and villages, cut to the user's data scope. */
export interface RegionVillage {
  code: string;
  name: string;
}

export interface RegionTown {
  code: string;
  name: string;
  /** The whole town is in the user's scope. */
  covered: boolean;
  villages: RegionVillage[];
}

export interface RegionCounty {
  /** 6 digits (GB/T 2260). */
  countyCode: string;
  /** 12 digits. */
  code: string;
  name: string;
  covered: boolean;
  towns: RegionTown[];
}

export const getRegionTree = () =>
  request<{ counties: RegionCounty[] }>('/api/regions').then((r) => r.counties);
