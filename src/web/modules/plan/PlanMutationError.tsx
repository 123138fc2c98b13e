import { Alert, Button } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictText, isApiError, reloadHelps } from '../../app/api.ts';
import { MutationError } from '../../ui/MutationError.tsx';

interface PlanMutationErrorProps {
  error: unknown;
  /** What a 409 means here, in the reader's words (the server's own message follows it). */
  conflict?: string;
  onReload?: () => void;
  fields?: string[];
  children?: ReactNode;
}

/**
 * MutationError, except that a 409 also shows the server's reason: on a plan it may be a stale
 * copy, a read-only version or an update already open, and each asks for something different.
 */
export function PlanMutationError({
  error,
  conflict,
  onReload,
  fields,
  children,
}: PlanMutationErrorProps) {
  const { t } = useTranslation();
  if (!isApiError(error, 409)) return <MutationError error={error} fields={fields} />;
  // The reason in the reader's words when the API gives its code (a stale copy needs none beyond
  // the lead); the server's English only from a server that gives no code.
  const reason = conflictText(error.problem);
  return (
    <Alert fade={false} color="warning" className="my-3" role="alert">
      <p className="mb-1">{conflict ?? reason ?? t('errors.conflict')}</p>
      {reason && conflict ? (
        <p className="small mb-2">{reason}</p>
      ) : !error.problem.code && error.problem.detail ? (
        <p className="small mb-2">
          {t('plan.serverSays')} <q lang="en">{error.problem.detail}</q>
        </p>
      ) : null}
      {children}
      {onReload && reloadHelps(error.problem) ? (
        <Button color="primary" size="sm" onClick={onReload}>
          {t('common.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}
