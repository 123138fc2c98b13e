import { Navigate } from 'react-router';
import { useCurrentUser } from '../identity/hooks.ts';
import { isAdmin, isSystemAdmin } from '../identity/policy.ts';

export default function AdminIndex() {
  const user = useCurrentUser();
  const first = isSystemAdmin(user)
    ? '/admin/utenti'
    : isAdmin(user)
      ? '/admin/unita-organizzative'
      : '/admin/importazioni';
  return <Navigate to={first} replace />;
}
