/** Site header: name, main navigation and the language switch. Shared by every route. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncBadge } from './SyncBadge';

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <Link href="/" className="brand">
        <span aria-hidden="true" className="brand-mark" />
        {t('app.name')}
      </Link>
      <nav aria-label={t('app.nav.main')}>
        <Link href="/">{t('app.nav.home')}</Link>
        <Link href="/scenarios">{t('app.nav.catalogue')}</Link>
        <Link href="/results">{t('app.nav.results')}</Link>
      </nav>
      <SyncBadge />
      <LanguageSwitch />
    </header>
  );
}
