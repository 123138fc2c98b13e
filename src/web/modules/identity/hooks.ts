import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../app/api.ts';
import type { Credentials, PasswordChange, Session, SessionUser } from './types.ts';

export const sessionKey = ['session'] as const;

async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await api<Session>('/session', { signal });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60 * 1000,
  });
}

/** The signed-in user, `null` for the public, `undefined` while the session is loading. */
export function useCurrentUser(): SessionUser | null | undefined {
  const { data } = useSession();
  return data === undefined ? undefined : data.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      api<Session>('/session', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      // The CSRF token changes at login: use the new one from now on.
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/session', { method: 'DELETE' }),
    onSettled: async () => {
      setCsrfToken(null);
      // Drop everything fetched with the old identity, then learn the anonymous session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      await queryClient.refetchQueries({ queryKey: sessionKey });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) =>
      api<void>('/session/password', { method: 'POST', body: change }),
    onSuccess: () => queryClient.refetchQueries({ queryKey: sessionKey }),
  });
}
