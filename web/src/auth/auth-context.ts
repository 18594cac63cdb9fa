import { createContext, useContext } from 'react';
import type { SignedIn } from '../api/auth';

export interface Auth {
  /** undefined while the session is being checked, null when signed out. */
  session: SignedIn | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  can: (permission: string) => boolean;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
