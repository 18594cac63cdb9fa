/** Where a problem is: the file, its line (1-based) or entry index, and the field. */
export interface Place {
  file?: string;
  line?: number;
  entry?: number;
  field?: string;
}

/**
 * The one error type of the project: a stable code, a message a user can act on, and the place.
 * Interfaces turn it into problem JSON (HTTP), an OperationOutcome (FHIR) or a CLI message.
 */
export class WeijianError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly place: Place = {},
    readonly status = 400,
  ) {
    super(message);
    this.name = 'WeijianError';
  }

  /** "file:line field: message", the form used in CLI output and import reports. */
  describe(): string {
    const { file, line, entry, field } = this.place;
    let where = file ?? '';
    if (line !== undefined) where += `:${line}`;
    if (entry !== undefined) where += `#${entry}`;
    if (field) where += `${where ? ' ' : ''}${field}`;
    return where ? `${where}: ${this.message}` : this.message;
  }
}
