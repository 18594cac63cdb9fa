import { describe, expect, it } from 'vitest';
import { mobilePhone, personName } from './names.js';
import { Random } from './random.js';

describe('names', () => {
  it('makes 2–3 character Chinese names and 11-digit mobiles', () => {
    const random = new Random(5);
    for (let i = 0; i < 200; i++) {
      expect(personName(random, i % 2 === 0)).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(mobilePhone(random)).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});
