import { Spinner } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { download, isApiError, violationText } from '../app/api.ts';
import { Icon } from './Icon.tsx';

interface DownloadButtonProps {
  href: string;
  children: ReactNode;
  /** Said to screen readers after the label: what is downloaded. */
  hint?: string;
}

/**
 * A download the server prepares (an export of thousands of rows takes seconds): the button says
 * it is being prepared, and a refusal (too many rows, too many exports at once) is said beside it
 * in the reader's words instead of a page of JSON. Without scripts it is a plain link.
 */
export function DownloadButton({ href, children, hint }: DownloadButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await download(href);
    } catch (caught) {
      setError(refusalText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="mp-download">
      <a
        className="btn btn-outline-primary btn-xs"
        href={href}
        download
        aria-disabled={busy}
        onClick={(event) => {
          // A click with a modifier (a new tab, a new window) is left to the browser.
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          if (!busy) void start();
        }}
      >
        {busy ? (
          <Spinner active small label="" aria-hidden="true" className="me-1" />
        ) : (
          <Icon name="download" size="xs" color="primary" className="me-1" />
        )}
        {children}
        {hint ? <span className="visually-hidden"> {hint}</span> : null}
        {busy ? <span className="visually-hidden"> {t('download.preparing')}</span> : null}
      </a>
      <span role="status" className="visually-hidden">
        {busy ? t('download.preparing') : ''}
      </span>
      {error ? (
        <span role="alert" className="d-block small text-danger mt-1">
          {error}
        </span>
      ) : null}
    </span>
  );
}

function refusalText(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.status === 429)
    return t('download.busy', { seconds: error.problem.params?.retryAfter ?? 5 });
  const violation = error.problem.violations?.[0];
  if (violation) return violationText(violation).text;
  return t('download.failed');
}
