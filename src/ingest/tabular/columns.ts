import type { ColumnSpec } from './sheet-kind.js';

/** Columns shared by several sheet kinds. */

export const facilityCodeColumn: ColumnSpec = {
  key: 'facilityCode',
  header: '机构编码',
  aliases: ['机构代码', '统一社会信用代码', 'facility code'],
  required: true,
  width: 24,
  format: 'text',
  note: '“机构”表中的机构编码（同一文件中的或已导入的）',
};

export const regionCodeColumn: ColumnSpec = {
  key: 'regionCode',
  header: '地区代码',
  aliases: ['区划代码', '统计用区划代码', 'region code'],
  required: true,
  width: 16,
  format: 'text',
  note: '本县、乡镇（街道）或村（社区）的12位统计用区划代码（县可写6位、乡镇可写9位）',
};

export const yearColumn: ColumnSpec = {
  key: 'year',
  header: '年份',
  aliases: ['year'],
  required: true,
  width: 8,
  note: '四位年份，如2023（年末数）',
};
