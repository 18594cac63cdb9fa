import { request } from './client';

export type Role = 'admin' | 'planner' | 'facility' | 'doctor' | 'cdc' | 'auditor';

export interface SignedIn {
  user: { id: number; username: string; role: Role; regionCode: string | null; facilityId: number | null };
  permissions: string[];
  csrfToken: string | null;
}

export const signIn = (username: string, password: string) =>
  request<SignedIn>('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

export const signOut = () => request<void>('/api/auth/sign-out', { method: 'POST' });

/** The current session, or null when there is none (a 401 is the normal answer before signing in). */
export async function currentSession(): Promise<SignedIn | null> {
  const response = await fetch('/api/auth/me', {
    credentials: 'include',
    headers: { accept: 'application/json' },
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as SignedIn;
}
