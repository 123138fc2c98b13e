import { Alert, Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { focusFirstInvalid, TextField, useFormErrors } from '../../ui/fields.tsx';
import { MutationError } from '../../ui/MutationError.tsx';
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
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setErrors, bind } = useFormErrors();

  const user = session.data?.user;
  if (user && !login.isPending && !login.isSuccess) {
    return <Navigate to={user.mustChangePassword ? '/account/password' : next} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!EMAIL_PATTERN.test(email.trim())) found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(form.current);
      return;
    }
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => {
          if (result.user?.mustChangePassword) {
            navigate(`/account/password?next=${encodeURIComponent(next)}`, { replace: true });
          } else {
            navigate(next, { replace: true });
          }
        },
        onError: (error) => {
          if (isApiError(error)) setErrors(error.fieldErrors());
          focusFirstInvalid(form.current);
        },
      },
    );
  };

  const failure = login.error;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-5">
        <h1>{t('auth.loginTitle')}</h1>
        <p>{t('auth.loginLead')}</p>
        <form ref={form} onSubmit={onSubmit} noValidate className="mt-4">
          {isApiError(failure, 401) ? (
            <Alert fade={false} color="danger">
              {t('auth.wrongCredentials')}
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
            value={email}
            onChange={bind('email', setEmail)}
            error={errors.email}
            autoComplete="username"
            required
          />
          <TextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={bind('password', setPassword)}
            error={errors.password}
            autoComplete="current-password"
            required
          />
          <Button type="submit" color="primary" className="w-100" disabled={login.isPending}>
            {login.isPending ? t('auth.loggingIn') : t('auth.login')}
          </Button>
        </form>
      </div>
    </div>
  );
}
