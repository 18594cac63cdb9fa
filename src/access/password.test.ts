import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import { ROLE_PERMISSIONS, ROLES } from './permissions.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes with a salt and verifies in constant time', async () => {
    const [a, b] = [
      await hashPassword('Correct-horse-1', cheap),
      await hashPassword('Correct-horse-1', cheap),
    ];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('Correct-horse-1', a)).toBe(true);
    expect(await verifyPassword('correct-horse-1', a)).toBe(false);
    expect(await verifyPassword('Correct-horse-1', 'md5$abc')).toBe(false);
  });

  it('asks for 10 characters of three kinds', () => {
    for (const weak of ['Short-1', 'alllowercaseletters', 'lowerand12345678', 'x'.repeat(201)]) {
      expect(() => checkPasswordStrength(weak), weak).toThrow(/three kinds/);
    }
    expect(() => checkPasswordStrength('Long-enough-9')).not.toThrow();
  });
});

describe('roles', () => {
  it('keep personal data from planners and auditors, reveals from administrators', () => {
    for (const role of ['planner', 'auditor'] as const) {
      expect(
        ROLE_PERMISSIONS[role].filter((p) => p.startsWith('records') || p.startsWith('residents')),
      ).toEqual([]);
    }
    expect(ROLE_PERMISSIONS.admin).not.toContain('residents:reveal');
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toContain('plans:read');
  });
});
