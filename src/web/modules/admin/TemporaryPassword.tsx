import { Alert } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface TemporaryPasswordProps {
  email: string;
  password: string;
  reason: 'created' | 'reset';
  onDismiss: () => void;
}

/** Shown once, right after the server generated it: the server keeps only its hash. */
export function TemporaryPassword({ email, password, reason, onDismiss }: TemporaryPasswordProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="mp-focus-target">
      <Alert
        fade={false}
        color="success"
        className="my-3"
        toggle={onDismiss}
        closeAriaLabel={t('common.close')}
      >
        <h2 className="h5">{t(`admin.users.tempPassword.${reason}`, { email })}</h2>
        <p className="mb-2">
          {t('admin.users.tempPassword.label')}{' '}
          <code className="mp-temp-password" data-testid="temporary-password">
            {password}
          </code>
        </p>
        <p className="mb-0 small">{t('admin.users.tempPassword.once')}</p>
      </Alert>
    </div>
  );
}
