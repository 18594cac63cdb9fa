import type { Place } from '../../domain/errors.js';

/** One resource read from a file, or why it could not be read; `place` is its line or bundle entry. */
export type FhirInput =
  | { place: Place; resource: unknown; raw?: string }
  | { place: Place; raw?: string; error: { code: string; reason: string; field?: string } };
