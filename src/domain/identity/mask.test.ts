import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskIdNumber('320612199001011234')).toBe('3206**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
  });

  it('hides all but the last character of a short value', () => {
    expect(maskIdNumber('12345678')).toBe('*******8');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps 3 + 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
  });

  it('keeps the last 4 digits of other numbers', () => {
    expect(maskPhone('0513-86123456')).toBe('*********3456');
  });
});

describe('maskName', () => {
  it('keeps the surname', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('张')).toBe('张');
  });

  it('reads a two-character name as surname + given name even when it looks compound', () => {
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('keeps separators and counts rare characters once', () => {
    expect(maskName('阿不都·买买提')).toBe('阿**·***');
    expect(maskName('王𠀋')).toBe('王*');
  });
});
