import { Alert, Button, Spinner } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../app/api.ts';
import { NotFoundPage } from '../app/shell/NotFoundPage.tsx';
import { ProblemViolations } from './ViolationText.tsx';

/** A polite, announced loading indicator. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-3 my-4" role="status">
      <Spinner active small label="" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="callout note my-4">
      <div className="callout-inner">
        <p className="mb-0">{children}</p>
      </div>
    </div>
  );
}

/**
 * Explains a failed request in the user's terms: sign in, not allowed, not found, or retry.
 * `page`: the request was the page's own (the project of a project's page), so "not found" is
 * the whole page's answer, with its heading and window title, not a notice inside a section.
 */
export function ErrorState({
  error,
  onRetry,
  page = false,
}: {
  error: unknown;
  onRetry?: () => void;
  page?: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  if (isApiError(error, 401)) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Alert fade={false} color="warning" className="my-4">
        <p className="mb-2">{t('errors.unauthenticated')}</p>
        <Link to={`/accedi?next=${next}`}>{t('auth.login')}</Link>
      </Alert>
    );
  }
  if (isApiError(error, 403)) {
    return <Forbidden />;
  }
  // An address whose own parts are malformed (`/progetti/abc`) names nothing: not found, like an
  // address of something that is gone, rather than the schema's words and a retry that cannot help.
  if (isNotFound(error)) {
    if (page) return <NotFoundPage title={t('errors.notFoundTitle')} body={t('errors.notFound')} />;
    return (
      <Alert fade={false} color="warning" className="my-4">
        {t('errors.notFound')}
      </Alert>
    );
  }
  return (
    <Alert fade={false} color="danger" className="my-4">
      <p className="mb-2">{t('errors.loadFailed')}</p>
      {isApiError(error) ? (
        <div className="small mb-2">
          <ProblemViolations error={error} />
        </div>
      ) : null}
      {onRetry ? (
        <Button color="primary" size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/**
 * Whether a failed request names nothing: 404, or an address whose own parts are malformed
 * (`/progetti/abc`), which names nothing either.
 */
export function isNotFound(error: unknown): boolean {
  return (
    isApiError(error, 404) || (isApiError(error, 400) && onlyThePath(error.problem.violations))
  );
}

function onlyThePath(violations: { field: string }[] | undefined): boolean {
  return (
    violations !== undefined &&
    violations.length > 0 &&
    violations.every((v) => /^params[./]/.test(v.field))
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert fade={false} color="danger" className="my-4">
      <h2 className="h5">{t('errors.forbiddenTitle')}</h2>
      <p className="mb-0">{t('errors.forbidden')}</p>
    </Alert>
  );
}
