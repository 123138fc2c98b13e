import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../title.ts';

/**
 * An address that names nothing: a page of its own, or (with `title` and `body`) a page whose
 * subject the server does not know (QueryStates' ErrorState).
 */
export function NotFoundPage({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      <p>{body ?? t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
