import { Alert, Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { focusFirstInvalid, TextField, useFormErrors } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { useChangePassword, useCurrentUser } from './hooks.ts';
import { safeNext } from './nextPath.ts';

const MIN_LENGTH = 12;

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.changePasswordTitle'));
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, setErrors, bind } = useFormErrors();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = t('validation.required');
    if (next.length < MIN_LENGTH)
      found.newPassword = t('validation.minLength', { count: MIN_LENGTH });
    else if (next === current) found.newPassword = t('auth.samePassword');
    if (repeat !== next) found.repeatPassword = t('auth.passwordsDiffer');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () =>
          navigate(safeNext(params.get('next')), {
            replace: true,
            state: { flash: 'passwordChanged' },
          }),
        onError: (error) => {
          if (isApiError(error)) {
            const fieldErrors = error.fieldErrors();
            if (error.status === 401 || error.status === 403) {
              fieldErrors.currentPassword ??= t('auth.wrongCurrentPassword');
            }
            setErrors(fieldErrors);
          }
          focusFirstInvalid(form.current);
        },
      },
    );
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-5">
        <h1>{t('auth.changePasswordTitle')}</h1>
        {user?.mustChangePassword ? (
          <Alert fade={false} color="info">
            {t('auth.mustChangePassword')}
          </Alert>
        ) : null}
        <form ref={form} onSubmit={onSubmit} noValidate className="mt-4">
          {/* Lets password managers tie the new password to the account. */}
          <input type="hidden" name="username" autoComplete="username" value={user?.email ?? ''} />
          <MutationError
            error={isApiError(change.error, 401) ? null : change.error}
            fields={['currentPassword', 'newPassword']}
          />
          <TextField
            label={t('auth.currentPassword')}
            type="password"
            value={current}
            onChange={bind('currentPassword', setCurrent)}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <TextField
            label={t('auth.newPassword')}
            type="password"
            value={next}
            onChange={bind('newPassword', setNext)}
            error={errors.newPassword}
            hint={t('auth.passwordRule', { count: MIN_LENGTH })}
            autoComplete="new-password"
            required
          />
          <TextField
            label={t('auth.repeatPassword')}
            type="password"
            value={repeat}
            onChange={bind('repeatPassword', setRepeat)}
            error={errors.repeatPassword}
            autoComplete="new-password"
            required
          />
          <Button type="submit" color="primary" className="w-100" disabled={change.isPending}>
            {change.isPending ? t('common.saving') : t('auth.changePassword')}
          </Button>
        </form>
      </div>
    </div>
  );
}
