import { InvalidArgumentError } from 'commander';
import { localOperator } from '../access/principal.js';
import type { Actor } from '../monitoring/workflow.js';

/** Commander parsers shared by the monitoring commands. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

export function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    if (!values.includes(value as T)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return value as T;
  };
}

/** The CLI acts as the local operator (src/access/principal.ts): an administrator, audited as `cli:<os user>`. */
export function cliActor(): Actor {
  const p = localOperator();
  return { id: p.actor, roles: [p.role] };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
