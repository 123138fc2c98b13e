import { useTranslation } from 'react-i18next';
import { violationText, type Problem, type Violation } from '../app/api.ts';

/** A violation in the reader's language; the API's English, marked as such, when no text has it. */
export function ViolationText({ violation }: { violation: Violation }) {
  useTranslation(); // says it again when the reader changes language
  const { text, isTranslated } = violationText(violation);
  return isTranslated ? <>{text}</> : <q lang="en">{text}</q>;
}

/**
 * Why a request was refused, field by field: each violation in the reader's language, or the
 * problem's English detail when it names none.
 */
export function ProblemViolations({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const violations = problem.violations ?? [];
  if (violations.length === 0) return <q lang="en">{problem.detail ?? problem.title}</q>;
  return (
    <>
      {t('errors.invalidRequest')}
      <ul className="mb-0 mt-1">
        {violations.map((v, i) => (
          <li key={`${v.field}-${i}`}>
            <code>{v.field.replace(/^(body|querystring|query|params)[./]/, '')}</code>:{' '}
            <ViolationText violation={v} />
          </li>
        ))}
      </ul>
    </>
  );
}
