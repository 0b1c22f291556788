/** i18next set-up: Vietnamese by default, English on request, the choice kept in localStorage.
 *  Only UI strings live here; scenario texts carry their own {vi, en} fields. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './i18n/vi.json';
import en from './i18n/en.json';
import gameVi from './i18n/game.vi.json';
import gameEn from './i18n/game.en.json';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'fireground.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked (private mode, policies); the default language still works.
    return 'vi';
  }
}

/** Deep merge of resource trees: the game's strings live in their own files to keep edits apart. */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    out[k] = old && typeof old === 'object' && v && typeof v === 'object' ? merge(old as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: merge(vi, gameVi) }, en: { translation: merge(en, gameEn) } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

/** Switches the UI language now and remembers it for the next visit. */
export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; the switch itself already happened.
  }
}

/** The current language as one of ours (i18next may report a region variant). */
export function currentLang(lang: string): Lang {
  return lang.startsWith('en') ? 'en' : 'vi';
}

export default i18n;
