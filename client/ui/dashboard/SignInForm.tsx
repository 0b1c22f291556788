/** Sign-in for the dashboard: username and password to /api/auth/login. Keeps no credentials; the
 *  session is the server's HttpOnly cookie. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, HttpError, type Me } from './dashboardApi';

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const field = (name: string): string => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    api.signIn(field('username'), field('password')).then(onSignedIn, (err: unknown) => {
      setError(err instanceof HttpError && err.status === 429 ? t('dashboard.signIn.throttled') : t('dashboard.signIn.failed'));
    });
  };
  return (
    <form className="dashboard-signin" onSubmit={submit}>
      <h1>{t('dashboard.signIn.title')}</h1>
      <label>
        {t('dashboard.signIn.username')}
        <input name="username" autoComplete="username" required />
      </label>
      <label>
        {t('dashboard.signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">{t('dashboard.signIn.submit')}</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
