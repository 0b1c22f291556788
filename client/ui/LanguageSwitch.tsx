/** Vietnamese / English toggle, usable at any time (including mid-run); the choice persists. */
import { useTranslation } from 'react-i18next';
import { LANGS, currentLang, setLang } from '../store/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLang(i18n.language);
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGS.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={active === lang} className={active === lang ? 'active' : ''} onClick={() => setLang(lang)}>
          {t(lang === 'vi' ? 'app.langVi' : 'app.langEn')}
        </button>
      ))}
    </div>
  );
}
