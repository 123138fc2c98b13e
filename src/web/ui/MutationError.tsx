import { Alert, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { conflictField, conflictText, isApiError, reloadHelps } from '../app/api.ts';
import { ViolationList } from './ViolationText.tsx';

interface MutationErrorProps {
  error: unknown;
  /** Offered on 409: fetch the current version and start again. */
  onReload?: () => void;
  /** Fields shown in the form: their violations appear next to them, not here. */
  fields?: string[];
}

// Refusals that say all there is to say in the reader's words.
const plainRefusals: Partial<Record<number, { color: 'warning' | 'danger'; text: string }>> = {
  401: { color: 'warning', text: 'errors.unauthenticated' },
  403: { color: 'danger', text: 'errors.forbidden' },
  404: { color: 'warning', text: 'errors.notFound' },
  413: { color: 'danger', text: 'errors.tooLarge' },
  429: { color: 'warning', text: 'errors.tooMany' },
};

/** The form-level half of an API error; field violations are shown beside their fields. */
export function MutationError({ error, onReload, fields = [] }: MutationErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error, 409)) {
    // A rule of the data needs its reason; a reload only where an old copy may be the cause. A
    // conflict about a field the form shows is said beside it (fieldErrors), as a violation is.
    const field = conflictField(error.problem);
    if (field && fields.includes(field) && conflictText(error.problem))
      return (
        <Alert fade={false} color="danger" className="my-3">
          <p className="mb-0">{t('errors.checkFields')}</p>
        </Alert>
      );
    const reason = conflictText(error.problem);
    return (
      <Alert fade={false} color="warning" className="my-3">
        <p className="mb-2">{reason ?? t('errors.conflict')}</p>
        {onReload && reloadHelps(error.problem) ? (
          <Button color="primary" size="sm" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  const plain = isApiError(error) ? plainRefusals[error.status] : undefined;
  if (plain) {
    return (
      <Alert fade={false} color={plain.color} className="my-3">
        {t(plain.text)}
      </Alert>
    );
  }
  if (isApiError(error)) {
    const byField = error.violationsByField();
    const unplaced = Object.entries(byField).filter(([field]) => !fields.includes(field));
    const placed = Object.keys(byField).length > unplaced.length;
    return (
      <Alert fade={false} color="danger" className="my-3">
        <p className="mb-0">
          {placed ? (
            t('errors.checkFields')
          ) : unplaced.length ? (
            t('errors.invalidRequest')
          ) : (
            <q lang="en">{error.problem.detail ?? error.problem.title}</q>
          )}
        </p>
        {unplaced.length ? <ViolationList byField={unplaced} /> : null}
      </Alert>
    );
  }
  return (
    <Alert fade={false} color="danger" className="my-3">
      {t('errors.network')}
    </Alert>
  );
}
