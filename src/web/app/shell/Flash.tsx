import { Alert } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** A one-off confirmation passed through navigation state, e.g. after a password change. */
export function Flash() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const [message, setMessage] = useState<string | null>(flash ?? null);

  useEffect(() => setMessage(flash ?? null), [flash, location.key]);

  if (!message) return null;
  return (
    <Alert
      fade={false}
      color="success"
      toggle={() => setMessage(null)}
      closeAriaLabel={t('common.close')}
    >
      {t(`flash.${message}`)}
    </Alert>
  );
}
