import { describe, expect, it } from 'vitest';
import {
  AGE_GROUPS,
  FACILITY_TYPES,
  POPULATION_BASES,
  PRACTICE_CATEGORIES,
  REGION_LEVELS,
  STAFF_CATEGORIES,
} from '../../store/schema/index.js';
import { SEXES } from '../../store/schema/columns.js';
import {
  facilityTypes,
  populationBases,
  practiceCategories,
  regionLevels,
  staffCategories,
  staffSexes,
} from './labels.js';
import { AGE_GROUPS as SHEET_AGE_GROUPS, ageGroupLabel, readAgeGroup } from './population-sheet.js';

// Tests may reach the store: they keep ingest's copies of the code lists equal to the schema's.
describe('labels', () => {
  it('cover exactly the store code lists', () => {
    expect(facilityTypes.values).toEqual(FACILITY_TYPES);
    expect(staffCategories.values).toEqual(STAFF_CATEGORIES);
    expect(practiceCategories.values).toEqual(PRACTICE_CATEGORIES);
    expect(populationBases.values).toEqual(POPULATION_BASES);
    expect(regionLevels.values).toEqual(REGION_LEVELS);
    expect(staffSexes.values).toEqual(SEXES);
    expect(SHEET_AGE_GROUPS).toEqual(AGE_GROUPS);
  });

  it('read labels, variants and code words, and write the label', () => {
    expect(facilityTypes.read('妇幼保健院')).toBe('mch_hospital');
    expect(facilityTypes.read('妇幼保健院（所、站）')).toBe('mch_hospital');
    expect(facilityTypes.read('township_health_centre')).toBe('township_health_centre');
    expect(facilityTypes.read('医院')).toBeNull();
    expect(staffCategories.read('药师（士）')).toBe('pharmacist');
    expect(staffCategories.label('pharmacist')).toBe('药师(士)');
  });

  it('read every age group label back to its lower bound', () => {
    for (const group of AGE_GROUPS) expect(readAgeGroup(ageGroupLabel(group))).toBe(group);
    expect(readAgeGroup('1～4岁')).toBe(1);
    expect(readAgeGroup('85+')).toBe(85);
    expect(readAgeGroup(5)).toBe(5);
    expect(readAgeGroup('5-10岁')).toBeNull();
    expect(readAgeGroup('合计')).toBeNull();
  });
});
