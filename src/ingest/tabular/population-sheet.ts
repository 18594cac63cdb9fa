import { cellText, type CellValue } from './cell.js';
import { regionCodeColumn, yearColumn } from './columns.js';
import { populationBases, populationSexes } from './labels.js';
import type { SheetKind } from './sheet-kind.js';

export interface PopulationRecord {
  regionCode: string;
  year: number;
  basis: 'resident' | 'registered';
  sex: 'male' | 'female';
  ageGroup: number;
  yearEnd: number;
  midYear: number | null;
}

/** Lower bounds of the store's age groups (src/store/schema/regions.ts AGE_GROUPS): 0, 1–4, 5–9 … 85+. */
export const AGE_GROUPS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85] as const;

export function ageGroupLabel(lower: number): string {
  if (lower === 0) return '0岁';
  if (lower === 85) return '85岁及以上';
  return `${lower}-${lower === 1 ? 4 : lower + 4}岁`;
}

/** 0岁, 不满1岁, 1-4岁, 1～4, 85岁及以上, 85+, or the lower bound alone → the lower bound; null if no group. */
export function readAgeGroup(value: CellValue): number | null {
  const text = cellText(value)
    .replace(/[~～—–至到]/g, '-')
    .replace(/\s|周?岁/g, '');
  if (text === '不满1' || text === '<1') return 0;
  const open = /^85(\+|及以上|以上)$/.exec(text);
  if (open) return 85;
  const range = /^(\d+)-(\d+)$/.exec(text);
  const lower = range ? Number(range[1]) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(AGE_GROUPS as readonly number[]).includes(lower)) return null;
  if (range && Number(range[2]) !== (lower === 0 ? 0 : lower === 1 ? 4 : lower + 4)) return null;
  if (range && lower === 85) return null;
  return lower;
}

/** 人口: year-end population by region, year, basis, sex and 5-year age group, one row per group. */
export const populationSheet: SheetKind<PopulationRecord> = {
  id: 'population',
  sheetName: '人口',
  names: ['人口', 'population'],
  description: '分地区、年份、口径、性别、年龄组的年末人口数，每组一行（不填合计行）',
  columns: [
    regionCodeColumn,
    yearColumn,
    {
      key: 'basis',
      header: '口径',
      aliases: ['人口口径', 'basis'],
      required: true,
      width: 8,
      note: populationBases.labels.join('、'),
    },
    { key: 'sex', header: '性别', aliases: ['sex'], required: true, width: 6, note: '男、女' },
    {
      key: 'ageGroup',
      header: '年龄组',
      aliases: ['年龄', '年龄段', 'age group'],
      required: true,
      width: 12,
      note: `${AGE_GROUPS.map(ageGroupLabel).join('、')}`,
    },
    {
      key: 'yearEnd',
      header: '年末人口数',
      aliases: ['年末人口', '人口数', 'year end'],
      required: true,
      width: 12,
      note: '12月31日人数，整数',
    },
    {
      key: 'midYear',
      header: '年中人口数',
      aliases: ['年中人口', '年平均人口', '平均人口', 'mid year'],
      width: 12,
      note: '统计部门公布的年平均人口，可空（空则用上年末与本年末的平均）',
    },
  ],
  keyColumns: ['regionCode', 'year', 'basis', 'sex', 'ageGroup'],
  read(f) {
    const record = {
      regionCode: f.regionCode('regionCode'),
      year: f.year('year'),
      basis: f.choice('basis', populationBases),
      sex: f.choice('sex', populationSexes),
      ageGroup: 0,
      yearEnd: f.count('yearEnd'),
      midYear: f.optionalCount('midYear'),
    };
    const text = f.code('ageGroup');
    const group = text ? readAgeGroup(text) : 0;
    if (group === null)
      f.fail('ageGroup', 'tabular.invalid-choice', `不是年龄组 not an age group such as 5-9岁: "${text}"`);
    return { ...record, ageGroup: group ?? 0 };
  },
  key: (r) => [r.regionCode, r.year, r.basis, r.sex, r.ageGroup].join('|'),
  write: (r) => [
    r.regionCode,
    r.year,
    populationBases.label(r.basis),
    populationSexes.label(r.sex),
    ageGroupLabel(r.ageGroup),
    r.yearEnd,
    r.midYear,
  ],
  region: { column: 'regionCode', code: (r) => r.regionCode },
};
