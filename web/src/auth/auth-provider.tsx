import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../api/auth';
import { setSession } from '../api/client';
import { warmUpOverview } from '../pages/overview-data';
import { AuthContext } from './auth-context';

/** Holds the signed-in user and hands the CSRF token to the API client. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<api.SignedIn | null | undefined>(undefined);

  const adopt = useCallback((next: api.SignedIn | null) => {
    setSession(next?.csrfToken ?? null, () => setSessionState(null));
    setSessionState(next);
  }, []);

  useEffect(() => {
    // A failed check (server down) is treated as signed out: the sign-in page then shows the real error.
    api.currentSession().then(
      (next) => {
        // Opening the start page: its reads start now, while the layout and the page render.
        if (
          next?.permissions.includes('indicators:read') &&
          ['/', '/overview'].includes(location.pathname + location.search)
        )
          warmUpOverview(next.user.regionCode);
        adopt(next);
      },
      () => adopt(null),
    );
  }, [adopt]);

  const value = useMemo(
    () => ({
      session,
      signIn: async (username: string, password: string) => adopt(await api.signIn(username, password)),
      signOut: async () => {
        await api.signOut();
        adopt(null);
      },
      can: (permission: string) => session?.permissions.includes(permission) ?? false,
    }),
    [session, adopt],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
