import { describe, expect, it } from 'vitest';
import {
  conflictingIdNumbers,
  hasValidCheckDigit,
  MATCH_RULES,
  matchRule,
  normaliseName,
  townOf,
  type MatchSubject,
} from './match-rules.js';
import { makeResidentId } from './resident-id.js';

const village = '320612100201';
const otherVillageSameTown = '320612100202';
const otherTown = '320612101201';

function person(overrides: Partial<MatchSubject> = {}): MatchSubject {
  return {
    idNumber: null,
    identifierIdNumbers: [],
    name: '张三',
    sex: 'male',
    birthDate: '1955-03-08',
    villageCode: village,
    ...overrides,
  };
}

describe('normaliseName', () => {
  it('folds full-width forms, spaces and the separators of transliterated names', () => {
    expect(normaliseName(' 张　三 ')).toBe('张三');
    expect(normaliseName('阿不都·买买提')).toBe('阿不都买买提');
    expect(normaliseName('阿不都.买买提')).toBe('阿不都买买提');
    expect(normaliseName('阿不都．买买提')).toBe('阿不都买买提');
    expect(normaliseName('阿不都•买买提')).toBe('阿不都买买提');
    expect(normaliseName('阿不都・买买提')).toBe('阿不都买买提');
    expect(normaliseName('ｚｈａｎｇ san')).toBe('ZHANGSAN');
  });

  it('keeps different characters different', () => {
    expect(normaliseName('张三')).not.toBe(normaliseName('章三'));
    expect(normaliseName('王𠀋')).toBe('王𠀋');
  });
});

describe('rules as data', () => {
  it('are ordered strongest first with falling scores', () => {
    expect(MATCH_RULES.map((r) => [r.name, r.strength])).toEqual([
      ['id-number', 'certain'],
      ['demographics', 'probable'],
      ['demographics-town', 'possible'],
    ]);
    const scores = MATCH_RULES.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('reads the town of a village code', () => {
    expect(townOf('320612100201')).toBe('320612100000');
  });
});

describe('ID numbers', () => {
  const a = makeResidentId('320612', '1955-03-08', 123);
  const b = makeResidentId('320612', '1955-03-08', 125);
  const typo = a.slice(0, 16) + String((Number(a[16]) + 2) % 10) + a[17];

  it('checks the check digit', () => {
    expect(hasValidCheckDigit(a)).toBe(true);
    expect(hasValidCheckDigit(typo)).toBe(false);
    expect(hasValidCheckDigit('12345')).toBe(false);
  });

  it('conflict only when both are present, different and correctly typed', () => {
    expect(conflictingIdNumbers(a, b)).toBe(true);
    expect(conflictingIdNumbers(a, a)).toBe(false);
    expect(conflictingIdNumbers(a, typo)).toBe(false);
    expect(conflictingIdNumbers(a, null)).toBe(false);
  });
});

describe('matchRule', () => {
  const id = makeResidentId('320612', '1955-03-08', 123);

  it('pairs the same ID number held as an identifier (certain)', () => {
    const pair = matchRule(person({ idNumber: id }), person({ name: '李四', identifierIdNumbers: [id] }));
    expect(pair?.name).toBe('id-number');
  });

  it('pairs the same name, sex, birth date and village (probable), whatever the spelling of the name', () => {
    expect(matchRule(person(), person({ name: '张 三' }))?.name).toBe('demographics');
    expect(matchRule(person(), person({ idNumber: id }))?.name).toBe('demographics');
  });

  it('pairs the same name, sex and birth date in another village of the town (possible)', () => {
    expect(matchRule(person(), person({ villageCode: otherVillageSameTown }))?.name).toBe(
      'demographics-town',
    );
    expect(matchRule(person(), person({ villageCode: otherTown }))).toBeUndefined();
  });

  it('leaves apart look-alikes: another birth date, another sex, twins, missing data', () => {
    expect(matchRule(person(), person({ birthDate: '1955-03-09' }))).toBeUndefined();
    expect(matchRule(person(), person({ sex: 'female' }))).toBeUndefined();
    expect(matchRule(person(), person({ name: '张四' }))).toBeUndefined();
    expect(matchRule(person({ sex: 'unknown' }), person({ sex: 'unknown' }))).toBeUndefined();
    expect(matchRule(person({ birthDate: null }), person({ birthDate: null }))).toBeUndefined();
    expect(matchRule(person({ villageCode: null }), person({ villageCode: null }))).toBeUndefined();
  });

  it('never pairs two different correctly typed ID numbers', () => {
    const other = makeResidentId('320612', '1955-03-08', 125);
    expect(matchRule(person({ idNumber: id }), person({ idNumber: other }))).toBeUndefined();
  });
});
