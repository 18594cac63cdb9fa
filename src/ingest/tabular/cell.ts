import { parseRegionCode, toStatCode } from '../../domain/region/code.js';

/** A cell as the readers give it: CSV cells are strings, Excel cells keep their type. */
export type CellValue = string | number | boolean | Date | null;

/** Why a cell was refused: a stable code and a reason in Chinese and English. */
export class Invalid {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {}
}

/** The text a person sees in a cell, trimmed: names are kept as written. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  return value.trim();
}

/** Cell text width-folded (全角 digits, letters and brackets to ASCII), for codes, numbers and dates. */
export function foldedText(value: CellValue): string {
  return cellText(value).normalize('NFKC').trim();
}

export function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

/** Codes (facility, staff) are text; a code typed as a number keeps its digits. */
export function readCode(value: CellValue): string | Invalid {
  const text = foldedText(value);
  // Excel writes long numbers to CSV as 3.20612E+11 unless the column is formatted as text: digits are lost.
  if (/^\d(\.\d+)?e\+\d+$/i.test(text)) {
    return new Invalid(
      'tabular.scientific-notation',
      `编码被 Excel 存成了科学计数法，请把该列设为文本 the code was saved in scientific notation: "${text}"; format the column as text`,
    );
  }
  return text;
}

const MAX_INT = 2_147_483_647;

/** A whole number ≥ 0 (counts of beds, people, places); 1,234 and 12.0 are read as written in Excel. */
export function readCount(value: CellValue): number | Invalid {
  const text = foldedText(value).replace(/^(\d{1,3}(,\d{3})+)$/, (m) => m.replace(/,/g, ''));
  const number = /^-?\d+(\.0+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number)) {
    return new Invalid('tabular.not-a-number', `不是整数 not a whole number: "${cellText(value)}"`);
  }
  if (number < 0) return new Invalid('tabular.negative', `不能为负数 must not be negative: ${number}`);
  if (number > MAX_INT) return new Invalid('tabular.too-large', `数值过大 too large: ${number}`);
  return number;
}

/** Data years: from 1949 to the current year (year-end figures of a future year cannot exist yet). */
export function readYear(value: CellValue, now = new Date()): number | Invalid {
  const text = foldedText(value).replace(/年$/, '');
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1949 && year <= now.getFullYear())) {
    return new Invalid(
      'tabular.invalid-year',
      `年份应为1949至${now.getFullYear()}的四位数 not a year from 1949 to ${now.getFullYear()}: "${cellText(value)}"`,
    );
  }
  return year;
}

/** A date as Excel stores it, or written 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日 or 20230105. */
export function readDate(value: CellValue): string | Invalid {
  if (value instanceof Date) return isoDate(value);
  const text = foldedText(value);
  if (typeof value === 'number' && value > 0 && value < 100_000 && Number.isInteger(value)) {
    // An unformatted Excel date: days since 1899-12-30 (Excel's epoch, its 1900 leap-year bug included).
    return isoDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  }
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (match) {
    const [year, month, day] = [match[1], match[2] ?? match[4], match[3] ?? match[5]].map(Number) as [
      number,
      number,
      number,
    ];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return isoDate(date);
  }
  return new Invalid('tabular.invalid-date', `不是日期 not a date (YYYY-MM-DD): "${text}"`);
}

/**
 * A region code of the county's levels: 6 digits (the county), 9 (a town) or 12 (statistical code).
 * Returned in the 12-digit form the store keys regions by.
 */
export function readRegionCode(value: CellValue): string | Invalid {
  const text = readCode(value);
  if (text instanceof Invalid) return text;
  const level = /^(\d{6}|\d{9}|\d{12})$/.test(text) ? parseRegionCode(text)?.level : undefined;
  if (level !== 'county' && level !== 'town' && level !== 'village') {
    return new Invalid(
      'tabular.invalid-region-code',
      `不是县、乡镇或村的区划代码 not the 6-, 9- or 12-digit code of a county, town or village: "${text}"`,
    );
  }
  return toStatCode(text)!;
}

/** YYYY-MM-DD of a date read as UTC: Excel dates carry no zone, the readers give them at UTC midnight. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
