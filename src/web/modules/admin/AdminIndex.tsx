import { Navigate } from 'react-router';
import { useCurrentUser } from '../identity/hooks.ts';
import { isSystemAdmin } from '../identity/policy.ts';

export default function AdminIndex() {
  const user = useCurrentUser();
  return (
    <Navigate to={isSystemAdmin(user) ? '/admin/utenti' : '/admin/unita-organizzative'} replace />
  );
}
