import { regionCodeColumn, yearColumn } from './columns.js';
import type { SheetKind } from './sheet-kind.js';

export interface ChildcareRecord {
  regionCode: string;
  year: number;
  places: number;
}

/** 托位: childcare places for children under 3 by region at the end of a year. */
export const childcareSheet: SheetKind<ChildcareRecord> = {
  id: 'childcare',
  sheetName: '托位',
  names: ['托位', 'childcare'],
  description: '3岁以下婴幼儿托位数，每个地区每年一行（年末数）',
  columns: [
    regionCodeColumn,
    yearColumn,
    { key: 'places', header: '托位数', aliases: ['托位', 'places'], required: true, width: 10, note: '整数' },
  ],
  keyColumns: ['regionCode', 'year'],
  read: (f) => ({ regionCode: f.regionCode('regionCode'), year: f.year('year'), places: f.count('places') }),
  key: (r) => `${r.regionCode}|${r.year}`,
  write: (r) => [r.regionCode, r.year, r.places],
  region: { column: 'regionCode', code: (r) => r.regionCode },
};
