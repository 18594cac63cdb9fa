import type { Choices } from './choices.js';
import {
  cellText,
  Invalid,
  isBlank,
  readCode,
  readCount,
  readDate,
  readRegionCode,
  readYear,
  type CellValue,
} from './cell.js';
import { yesNo } from './labels.js';
import type { ColumnSpec } from './sheet-kind.js';

export interface FieldError {
  /** The Chinese header of the column. */
  field: string;
  code: string;
  reason: string;
}

type Parse<T> = (value: CellValue) => T | Invalid;

/**
 * The cells of one row by column key, read field by field. A field that fails records an error and
 * yields a placeholder: a kind's `read` builds its record in one go and the caller discards it when
 * `errors` is not empty.
 */
export class RowFields {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly columns: ReadonlyMap<string, ColumnSpec>,
    private readonly cells: ReadonlyMap<string, CellValue>,
  ) {}

  header(key: string): string {
    return this.columns.get(key)?.header ?? key;
  }

  fail(key: string, code: string, reason: string): void {
    this.errors.push({ field: this.header(key), code, reason });
  }

  has(key: string): boolean {
    return !isBlank(this.cells.get(key) ?? null);
  }

  /** Free text such as a name, kept as written (trimmed). */
  text(key: string): string {
    return this.required(key, cellText, '');
  }

  /** A code: width-folded, digits kept. */
  code(key: string): string {
    return this.required(key, readCode, '');
  }

  optionalCode(key: string): string | null {
    return this.optional(key, readCode);
  }

  count(key: string): number {
    return this.required(key, readCount, 0);
  }

  optionalCount(key: string): number | null {
    return this.optional(key, readCount);
  }

  year(key: string): number {
    return this.required(key, (v) => readYear(v), 0);
  }

  date(key: string): string {
    return this.required(key, readDate, '');
  }

  optionalDate(key: string): string | null {
    return this.optional(key, readDate);
  }

  regionCode(key: string): string {
    return this.required(key, readRegionCode, '');
  }

  optionalRegionCode(key: string): string | null {
    return this.optional(key, readRegionCode);
  }

  choice<T extends string>(key: string, list: Choices<T>): T {
    return this.required(key, choiceParser(list), list.values[0]!);
  }

  optionalChoice<T extends string>(key: string, list: Choices<T>): T | null {
    return this.optional(key, choiceParser(list));
  }

  /** 是/否; a blank cell is `fallback`. */
  flag(key: string, fallback: boolean): boolean {
    const answer = this.optional(key, choiceParser(yesNo));
    return answer === null ? fallback : answer === 'yes';
  }

  private required<T>(key: string, parse: Parse<T>, placeholder: T): T {
    if (!this.has(key)) {
      this.fail(key, 'tabular.required', '必填项为空 required field is empty');
      return placeholder;
    }
    return this.optional(key, parse) ?? placeholder;
  }

  private optional<T>(key: string, parse: Parse<T>): T | null {
    const value = this.cells.get(key) ?? null;
    if (isBlank(value)) return null;
    const parsed = parse(value);
    if (parsed instanceof Invalid) {
      this.fail(key, parsed.code, parsed.reason);
      return null;
    }
    return parsed;
  }
}

function choiceParser<T extends string>(list: Choices<T>): Parse<T> {
  return (value) => {
    const text = cellText(value);
    return (
      list.read(text) ??
      new Invalid('tabular.invalid-choice', `应为 one of ${list.labels.join('、')}: "${text}"`)
    );
  };
}
