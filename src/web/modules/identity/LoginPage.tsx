import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useCheckedForm } from '../../ui/checkedForm.ts';
import { TextField } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
import { AccountForm } from './AccountForm.tsx';
import { useLogin, useSession } from './hooks.ts';
import { safeNext } from './nextPath.ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.loginTitle'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const { form, values, field, refused, handleSubmit } = useCheckedForm({
    email: '',
    password: '',
  });

  const user = session.data?.user;
  if (user && !login.isPending && !login.isSuccess) {
    return <Navigate to={user.mustChangePassword ? '/account/password' : next} replace />;
  }

  const validate = () => {
    const found: Record<string, string> = {};
    const email = values.email.trim();
    if (!email) found.email = t('validation.required');
    else if (!EMAIL_PATTERN.test(email)) found.email = t('validation.email');
    if (!values.password) found.password = t('validation.required');
    return found;
  };

  const send = () =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (result) => {
          if (result.user?.mustChangePassword) {
            navigate(`/account/password?next=${encodeURIComponent(next)}`, { replace: true });
          } else {
            navigate(next, { replace: true });
          }
        },
        onError: (error) => refused(error),
      },
    );

  const failure = login.error;
  return (
    <AccountForm
      title={t('auth.loginTitle')}
      intro={<p>{t('auth.loginLead')}</p>}
      formRef={form}
      onSubmit={handleSubmit(validate, send)}
      busy={login.isPending}
      submitLabel={login.isPending ? t('auth.loggingIn') : t('auth.login')}
    >
      {isApiError(failure, 401) ? (
        <Alert fade={false} color="danger">
          {t('auth.wrongCredentials')}
        </Alert>
      ) : isApiError(failure, 403) && failure.problem.code === 'accountDisabled' ? (
        <Alert fade={false} color="danger">
          {t('auth.accountDisabled')}
        </Alert>
      ) : isApiError(failure, 429) ? (
        <Alert fade={false} color="danger">
          {t('auth.lockedOut')}
        </Alert>
      ) : (
        <MutationError error={failure} fields={['email', 'password']} />
      )}
      <TextField
        label={t('auth.email')}
        type="email"
        {...field('email')}
        autoComplete="username"
        required
      />
      <TextField
        label={t('auth.password')}
        type="password"
        {...field('password')}
        autoComplete="current-password"
        required
      />
    </AccountForm>
  );
}
