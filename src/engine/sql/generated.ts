import { DEFINITIONS, type RatioDefinition } from '../../domain/indicators/definitions/index.js';
import { CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS, SELECT_ENCOUNTERS } from '../build/encounters.js';
import { APPLY_VISITS, writePersonYears } from '../build/person-years.js';
import { CLEAR_POPULATION, INSERT_CHILDCARE, INSERT_POPULATION } from '../build/population.js';
import { CLEAR_RESOURCES, INSERT_RESOURCES } from '../build/resources.js';
import {
  CLEAR_NOTIFIABLE,
  CLEAR_VITAL,
  INSERT_DEATHS_BY_AGE,
  INSERT_NOTIFIABLE,
  INSERT_VITAL,
} from '../build/vital.js';
import { compileRatios } from '../compile.js';

/**
 * Every SQL text the engine runs, by file name under src/engine/sql/ (checked in for review;
 * generated.test.ts keeps the files current). Parameters are `:name` placeholders.
 */
export function generatedSql(): Map<string, string> {
  const files = new Map<string, string>([
    ['build/person-years-rebuild.sql', writePersonYears('all')],
    ['build/person-years-refresh.sql', writePersonYears('pairs')],
    ['build/person-years-visits.sql', APPLY_VISITS],
    ['build/vital.sql', [...CLEAR_VITAL, INSERT_VITAL, INSERT_DEATHS_BY_AGE].join(';\n\n')],
    ['build/notifiable.sql', [CLEAR_NOTIFIABLE, INSERT_NOTIFIABLE].join(';\n\n')],
    ['build/population.sql', [...CLEAR_POPULATION, INSERT_POPULATION, INSERT_CHILDCARE].join(';\n\n')],
    ['build/resources.sql', [CLEAR_RESOURCES, INSERT_RESOURCES].join(';\n\n')],
    ['build/encounters.sql', [SELECT_ENCOUNTERS, CLEAR_ENCOUNTERS, INSERT_ENCOUNTER_ROWS].join(';\n\n')],
  ]);
  files.set(
    'definitions/ratio-values.sql',
    compileRatios(DEFINITIONS.filter((def): def is RatioDefinition => def.method === 'ratio')),
  );
  return new Map([...files].map(([name, text]) => [name, `${text.trim()};\n`]));
}
