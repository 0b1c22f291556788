/** The scenario library's strings (studio saving, review page), added to i18next when a chunk that
 *  needs them loads. Same keys in Vietnamese and English (tests/client/i18nCoverage.test.ts). */
import i18n from './i18n';
import vi from './i18n/library.vi.json';
import en from './i18n/library.en.json';

i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
