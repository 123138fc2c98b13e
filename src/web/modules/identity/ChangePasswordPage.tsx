import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useCheckedForm } from '../../ui/checkedForm.ts';
import { TextField } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { AccountForm } from './AccountForm.tsx';
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
  const { form, values, field, refused, handleSubmit } = useCheckedForm({
    currentPassword: '',
    newPassword: '',
    repeatPassword: '',
  });

  const validate = () => {
    const { currentPassword, newPassword, repeatPassword } = values;
    const found: Record<string, string> = {};
    if (!currentPassword) found.currentPassword = t('validation.required');
    if (newPassword.length < MIN_LENGTH)
      found.newPassword = t('validation.minLength', { count: MIN_LENGTH });
    else if (newPassword === currentPassword) found.newPassword = t('auth.samePassword');
    if (repeatPassword !== newPassword) found.repeatPassword = t('auth.passwordsDiffer');
    return found;
  };

  const send = () =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () =>
          navigate(safeNext(params.get('next')), {
            replace: true,
            state: { flash: 'passwordChanged' },
          }),
        // A refused current password may come without a field: say which one it is.
        onError: (error) =>
          refused(
            error,
            isApiError(error, 401) || isApiError(error, 403)
              ? { currentPassword: t('auth.wrongCurrentPassword') }
              : {},
          ),
      },
    );

  return (
    <AccountForm
      title={t('auth.changePasswordTitle')}
      intro={
        user?.mustChangePassword ? (
          <Alert fade={false} color="info">
            {t('auth.mustChangePassword')}
          </Alert>
        ) : null
      }
      formRef={form}
      onSubmit={handleSubmit(validate, send)}
      busy={change.isPending}
      submitLabel={change.isPending ? t('common.saving') : t('auth.changePassword')}
    >
      {/* Lets password managers tie the new password to the account. */}
      <input type="hidden" name="username" autoComplete="username" value={user?.email ?? ''} />
      <MutationError
        error={isApiError(change.error, 401) ? null : change.error}
        fields={['currentPassword', 'newPassword']}
      />
      <TextField
        label={t('auth.currentPassword')}
        type="password"
        {...field('currentPassword')}
        autoComplete="current-password"
        required
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        {...field('newPassword')}
        hint={t('auth.passwordRule', { count: MIN_LENGTH })}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('auth.repeatPassword')}
        type="password"
        {...field('repeatPassword')}
        autoComplete="new-password"
        required
      />
    </AccountForm>
  );
}
