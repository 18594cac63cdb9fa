import { DEFINITIONS } from '../../domain/indicators/definitions/index.js';
import { CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS, SELECT_ENCOUNTERS } from '../build/encounters.js';
import {
  CLEAR_PERSON_YEARS,
  DROP_ZERO_PERSON_SUMS,
  insertPersonYears,
  SUBTRACT_PERSON_YEARS,
} from '../build/person-years.js';
import { CLEAR_POPULATION, INSERT_CHILDCARE, INSERT_POPULATION } from '../build/population.js';
import { CLEAR_RESOURCES, INSERT_RESOURCES } from '../build/resources.js';
import {
  CLEAR_NOTIFIABLE,
  CLEAR_VITAL,
  INSERT_DEATHS_BY_AGE,
  INSERT_NOTIFIABLE,
  INSERT_VITAL,
} from '../build/vital.js';
import { compileRatio } from '../compile.js';

/**
 * Every SQL text the engine runs, by file name under src/engine/sql/ (checked in for review;
 * generated.test.ts keeps the files current). Parameters are `:name` placeholders.
 */
export function generatedSql(): Map<string, string> {
  const files = new Map<string, string>([
    ['build/person-years-rebuild.sql', [...CLEAR_PERSON_YEARS, insertPersonYears('all')].join(';\n\n')],
    [
      'build/person-years-refresh.sql',
      [SUBTRACT_PERSON_YEARS, insertPersonYears('pairs'), DROP_ZERO_PERSON_SUMS].join(';\n\n'),
    ],
    ['build/vital.sql', [...CLEAR_VITAL, INSERT_VITAL, INSERT_DEATHS_BY_AGE].join(';\n\n')],
    ['build/notifiable.sql', [CLEAR_NOTIFIABLE, INSERT_NOTIFIABLE].join(';\n\n')],
    ['build/population.sql', [...CLEAR_POPULATION, INSERT_POPULATION, INSERT_CHILDCARE].join(';\n\n')],
    ['build/resources.sql', [CLEAR_RESOURCES, INSERT_RESOURCES].join(';\n\n')],
    ['build/encounters.sql', [SELECT_ENCOUNTERS, CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS].join(';\n\n')],
  ]);
  for (const def of DEFINITIONS) {
    if (def.method === 'ratio') files.set(`definitions/${def.id}.sql`, compileRatio(def));
  }
  return new Map([...files].map(([name, text]) => [name, `${text.trim()};\n`]));
}
