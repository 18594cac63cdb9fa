import { facilityCodeColumn, yearColumn } from './columns.js';
import type { SheetKind } from './sheet-kind.js';

export interface BedRecord {
  facilityCode: string;
  year: number;
  beds: number;
  approvedBeds: number | null;
}

/** 床位: beds of a facility at the end of a year. */
export const bedSheet: SheetKind<BedRecord> = {
  id: 'beds',
  sheetName: '床位',
  names: ['床位', 'beds'],
  description: '各机构年末床位数，每个机构每年一行',
  columns: [
    facilityCodeColumn,
    yearColumn,
    {
      key: 'beds',
      header: '实有床位数',
      aliases: ['实有床位', '床位数', 'beds'],
      required: true,
      width: 12,
      note: '年末实有床位（张），整数',
    },
    {
      key: 'approvedBeds',
      header: '编制床位数',
      aliases: ['编制床位', 'approved beds'],
      width: 12,
      note: '编制床位（张），整数，可空',
    },
  ],
  keyColumns: ['facilityCode', 'year'],
  read: (f) => ({
    facilityCode: f.code('facilityCode'),
    year: f.year('year'),
    beds: f.count('beds'),
    approvedBeds: f.optionalCount('approvedBeds'),
  }),
  key: (r) => `${r.facilityCode}|${r.year}`,
  write: (r) => [r.facilityCode, r.year, r.beds, r.approvedBeds],
  facility: { column: 'facilityCode', code: (r) => r.facilityCode },
};
