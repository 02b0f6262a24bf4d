import type { Permission } from '@ce/shared';
import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { setApiEventHandlers } from './api/client';
import { identityApi } from './api/identity';
import type { SessionInfo } from './api/types';

/**
 * The current actor (GET /api/auth/session) and what it may do. The menu and the route guards use
 * `can`; the server checks every request again — hiding a menu is not access control (SPEC §13).
 */
export interface Access {
  /** undefined while the first GET /api/auth/session is in flight */
  session: SessionInfo | null | undefined;
  setSession: (session: SessionInfo | null) => void;
  refresh: () => Promise<SessionInfo | null>;
  can: (permission: Permission | undefined) => boolean;
}

const AccessContext = createContext<Access | null>(null);

export function AccessProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const result = await identityApi.session();
      setSession(result.session);
      return result.session;
    } catch {
      setSession(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setApiEventHandlers({
      // The layout sends a missing session to /login and a forced password change to /password/change.
      onUnauthenticated: () => setSession(null),
      onPasswordChangeRequired: () => void refresh(),
    });
  }, [refresh]);

  const value = useMemo<Access>(() => {
    const permissions = new Set<Permission>(session?.permissions ?? []);
    return {
      session,
      setSession,
      refresh,
      can: (permission) => (permission === undefined ? true : permissions.has(permission)),
    };
  }, [session, refresh]);

  return createElement(AccessContext.Provider, { value }, children);
}

export function useAccess(): Access {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess must be used inside <AccessProvider>');
  return access;
}
