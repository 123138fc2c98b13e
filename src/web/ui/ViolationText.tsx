import { useTranslation } from 'react-i18next';
import { violationText, type ApiError, type Violation } from '../app/api.ts';

/** A violation in the reader's language; the API's English, marked as such, when no text has it. */
export function ViolationText({ violation }: { violation: Violation }) {
  useTranslation(); // says it again when the reader changes language
  const { text, isTranslated } = violationText(violation);
  return isTranslated ? <>{text}</> : <q lang="en">{text}</q>;
}

/** Violations field by field: the field's name as the API gives it, and what is wrong with it. */
export function ViolationList({ byField }: { byField: [string, Violation][] }) {
  return (
    <ul className="mb-0 mt-2">
      {byField.map(([field, violation]) => (
        <li key={field}>
          <code>{field}</code>: <ViolationText violation={violation} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Why a request was refused, field by field: each violation in the reader's language, or the
 * problem's English detail when it names none.
 */
export function ProblemViolations({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const byField = Object.entries(error.violationsByField());
  if (byField.length === 0) return <q lang="en">{error.problem.detail ?? error.problem.title}</q>;
  return (
    <>
      {t('errors.invalidRequest')}
      <ViolationList byField={byField} />
    </>
  );
}
