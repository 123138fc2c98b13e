import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Forbidden, Loading } from '../../ui/QueryStates.tsx';
import { useSession } from './hooks.ts';
import type { Role } from './types.ts';

interface RequireRoleProps {
  /** Roles allowed in; omit to let any signed-in user through. */
  roles?: readonly Role[];
  children: ReactNode;
}

/** Sends the public to the login page, a pending password change to its form, others to 403. */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const user = session.data.user;
  const here = location.pathname + location.search;
  if (!user) return <Navigate to={`/accedi?next=${encodeURIComponent(here)}`} replace />;
  if (user.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to={`/account/password?next=${encodeURIComponent(here)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) return <Forbidden />;
  return <>{children}</>;
}
