import { describe, expect, it } from 'vitest';
import { gradeLabel, readGrade } from './facility-sheet.js';

describe('hospital grades', () => {
  it('read full and short forms, and ungraded', () => {
    expect(readGrade('三级甲等')).toEqual({ level: 3, gradeClass: 'a' });
    expect(readGrade('三甲')).toEqual({ level: 3, gradeClass: 'a' });
    expect(readGrade('2级乙等')).toEqual({ level: 2, gradeClass: 'b' });
    expect(readGrade('一级')).toEqual({ level: 1, gradeClass: null });
    expect(readGrade('未定级')).toEqual({ level: null, gradeClass: null });
    expect(readGrade('四级')).toBeNull();
  });

  it('write the label that reads back', () => {
    for (const [level, gradeClass] of [
      [3, 'c'],
      [1, null],
      [null, null],
    ] as const) {
      expect(readGrade(gradeLabel(level, gradeClass))).toEqual({ level, gradeClass });
    }
  });
});
