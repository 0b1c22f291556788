/** Changing one's own password at /account/password: the current password, the new one twice, sent to
 *  /api/auth/password. The server decides the policy; this page only explains its answers. Keeps no
 *  password after the request. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, HttpError, type Me } from '../dashboard/dashboardApi';
import { SignInForm } from '../dashboard/SignInForm';

/** Server error codes this page has words for; anything else reads as a general failure. */
const KNOWN = ['wrongPassword', 'passwordTooShort', 'passwordTooLong', 'passwordCommon', 'passwordContainsUsername', 'tooManyAttempts'] as const;

export default function PasswordPage() {
  const { t } = useTranslation();
  const [me, setMe] = useState<Me | null | 'loading'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    api.me().then(setMe, () => setMe(null));
  }, []);

  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = (name: string): string => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    setDone(false);
    if (field('newPassword') !== field('repeatPassword')) {
      setError(t('account.password.mismatch'));
      return;
    }
    api.changePassword(field('currentPassword'), field('newPassword')).then(
      () => {
        form.reset();
        setError(null);
        setDone(true);
      },
      (err: unknown) => {
        const code = err instanceof HttpError ? err.code : '';
        setError((KNOWN as readonly string[]).includes(code) ? t(`account.password.errors.${code}`) : t('account.password.failed'));
      },
    );
  };

  if (me === 'loading') return <main id="main" className="dashboard"><p role="status">{t('dashboard.loading')}</p></main>;
  if (me === null) return <main id="main" className="dashboard"><SignInForm onSignedIn={setMe} /></main>;
  return (
    <main id="main" className="dashboard">
      <form className="dashboard-signin" onSubmit={submit}>
        <h1>{t('account.password.title')}</h1>
        <p>{t('account.password.rules')}</p>
        <label>
          {t('account.password.current')}
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          {t('account.password.new')}
          <input name="newPassword" type="password" autoComplete="new-password" required />
        </label>
        <label>
          {t('account.password.repeat')}
          <input name="repeatPassword" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit">{t('account.password.submit')}</button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {done && <p role="status">{t('account.password.done')}</p>}
        <p>
          <Link href="/dashboard">{t('account.password.back')}</Link>
        </p>
      </form>
    </main>
  );
}
