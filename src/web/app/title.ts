import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the window title: "<page> — Metroplan". */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.shortName');
  useEffect(() => {
    document.title = title ? `${title} — ${app}` : app;
  }, [title, app]);
}
