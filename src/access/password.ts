import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { WeijianError } from '../domain/errors.js';

/*
 * scrypt from node:crypto (OpenSSL): no native add-on to build or keep. Cost N = 2^17, r = 8, p = 1 is the
 * OWASP Password Storage Cheat Sheet minimum (128 MiB, ~0.3 s here). Each hash carries its parameters,
 * so the cost can be raised later and old hashes still verify.
 */
const DEFAULT_COST = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, N, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: +N!, r: +r!, p: +p! });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * GB/T 22239-2019 (等级保护) asks for complex passwords: at least 10 characters of at least three kinds
 * (lower case, upper case, digits, other), at most 200 (scrypt hashes any length; the limit bounds the work).
 */
export function checkPasswordStrength(password: string): void {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((k) => k.test(password)).length;
  if (password.length < 10 || password.length > 200 || kinds < 3) {
    throw new WeijianError(
      'user.weak-password',
      'the password needs 10–200 characters of at least three kinds: lower case, upper case, digits, others',
      { field: 'password' },
    );
  }
}
