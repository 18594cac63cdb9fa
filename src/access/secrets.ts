import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: session ids, API tokens (`wj_…`). */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Secrets are stored as their SHA-256: enough for 256-bit random values (no dictionary to attack). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(sha256(a)), Buffer.from(sha256(b))];
  return timingSafeEqual(x, y);
}

/**
 * The CSRF token of a session, derived from its id: the web app gets it at sign-in (and from /api/auth/me),
 * a cross-site page can read neither it nor the HttpOnly cookie it comes from.
 */
export const csrfTokenOf = (sessionId: string): string =>
  createHash('sha256').update(`weijian-csrf:${sessionId}`).digest('base64url');
