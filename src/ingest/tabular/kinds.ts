import { bedSheet, type BedRecord } from './bed-sheet.js';
import { childcareSheet, type ChildcareRecord } from './childcare-sheet.js';
import { facilitySheet, type FacilityRecord } from './facility-sheet.js';
import { populationSheet, type PopulationRecord } from './population-sheet.js';
import { regionSheet, type RegionRecord } from './region-sheet.js';
import { headerIndex, normalizeHeader, type KindId, type SheetKind } from './sheet-kind.js';
import { staffSheet, type StaffRecord } from './staff-sheet.js';

export interface TabularRecords {
  regions: RegionRecord;
  facilities: FacilityRecord;
  beds: BedRecord;
  staff: StaffRecord;
  population: PopulationRecord;
  childcare: ChildcareRecord;
}

/** Every sheet kind, in the order of workbooks: what others refer to comes first. */
export const sheetKinds: { [K in KindId]: SheetKind<TabularRecords[K]> } = {
  regions: regionSheet,
  facilities: facilitySheet,
  beds: bedSheet,
  staff: staffSheet,
  population: populationSheet,
  childcare: childcareSheet,
};

export const allKinds: readonly SheetKind<unknown>[] = Object.values(sheetKinds);

/** The sheet our templates add to explain the columns; skipped on import. */
export const NOTES_SHEET = '填表说明';

/** The kind a sheet or CSV file name selects (`2023年床位`, `beds.csv`); null when none or several do. */
export function kindByName(name: string): SheetKind<unknown> | null {
  const normalized = normalizeHeader(name);
  const found = allKinds.filter((k) => k.names.some((n) => normalized.includes(normalizeHeader(n))));
  return found.length === 1 ? found[0]! : null;
}

export interface HeaderMatch {
  kind: SheetKind<unknown>;
  /** Column key per cell position (undefined for columns the kind does not know). */
  keys: (string | undefined)[];
  missing: string[];
  /** Headers that appear twice. */
  repeated: string[];
}

/** How a row of cells reads as the header of `kind`. */
export function matchHeaders(kind: SheetKind<unknown>, cells: readonly string[]): HeaderMatch {
  const index = headerIndex(kind);
  const keys = cells.map((c) => index.get(normalizeHeader(c)));
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const [i, key] of keys.entries()) {
    if (key === undefined) continue;
    if (seen.has(key)) repeated.push(cells[i]!);
    seen.add(key);
  }
  const missing = kind.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  return { kind, keys, missing, repeated };
}

/**
 * The header row's reading: the kind the name selects when all its required headers are there, else the
 * one complete kind that knows the most columns, else the named or closest kind (to report what is
 * missing). A row naming fewer than two known columns is no header.
 */
export function detectKind(name: string | null, cells: readonly string[]): HeaderMatch | null {
  const known = (m: HeaderMatch) => m.keys.filter((k) => k !== undefined).length;
  const matches = allKinds
    .map((kind) => matchHeaders(kind, cells))
    .filter((m) => known(m) >= 2)
    .sort((a, b) => known(b) - known(a));
  const named = matches.find((m) => m.kind === (name === null ? null : kindByName(name)));
  if (named && named.missing.length === 0) return named;
  const [first, second] = matches.filter((m) => m.missing.length === 0);
  if (first) return second && known(second) === known(first) ? null : first;
  return named ?? matches[0] ?? null;
}
