import { Alert, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';

interface MutationErrorProps {
  error: unknown;
  /** Offered on 409: fetch the current version and start again. */
  onReload?: () => void;
  /** Fields shown in the form: their violations appear next to them, not here. */
  fields?: string[];
}

/** The form-level half of an API error; field violations are shown beside their fields. */
export function MutationError({ error, onReload, fields = [] }: MutationErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error, 409)) {
    return (
      <Alert fade={false} color="warning" className="my-3">
        <p className="mb-2">{t('errors.conflict')}</p>
        {onReload ? (
          <Button color="primary" size="sm" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  if (isApiError(error, 403)) {
    return (
      <Alert fade={false} color="danger" className="my-3">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  if (isApiError(error, 401)) {
    return (
      <Alert fade={false} color="warning" className="my-3">
        {t('errors.unauthenticated')}
      </Alert>
    );
  }
  if (isApiError(error)) {
    const byField = error.fieldErrors();
    const unplaced = Object.entries(byField).filter(([field]) => !fields.includes(field));
    const placed = Object.keys(byField).length > unplaced.length;
    return (
      <Alert fade={false} color="danger" className="my-3">
        <p className="mb-0">
          {placed ? t('errors.checkFields') : (error.problem.detail ?? error.problem.title)}
        </p>
        {unplaced.length ? (
          <ul className="mb-0 mt-2">
            {unplaced.map(([field, reason]) => (
              <li key={field}>
                <code>{field}</code>: {reason}
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert fade={false} color="danger" className="my-3">
      {t('errors.network')}
    </Alert>
  );
}
