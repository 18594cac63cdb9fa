import type { Place } from './errors.js';

/** One record an import refused: where it was and why. Nothing is ever dropped without one of these. */
export interface Reject extends Place {
  reason: string;
  /** Error code, e.g. `resident.id-check-digit`. */
  code: string;
}

/** What an import of one file did. */
export interface ImportReport {
  file: string;
  format: string;
  /** Records read from the file. */
  read: number;
  /** Records written (inserted or updated). */
  written: number;
  rejected: Reject[];
  /** Counts per record type, e.g. { Patient: 1000, Encounter: 5000 }. */
  byType: Record<string, number>;
}
