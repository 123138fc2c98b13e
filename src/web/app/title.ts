import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the window title: "<page> — Metroplan". `null` leaves it to a part of the page that
 * knows better (a page whose subject was not found says so in its own title).
 */
export function useDocumentTitle(title: string | undefined | null): void {
  const { t } = useTranslation();
  const app = t('app.shortName');
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} — ${app}` : app;
  }, [title, app]);
}
