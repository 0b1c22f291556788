/** The studio's strings, added to i18next when the studio's chunk loads, so pages that never open the
 *  studio do not download them. Same keys in Vietnamese and English (tests/client/i18nCoverage.test.ts). */
import i18n from '../store/i18n';
import vi from '../store/i18n/studio.vi.json';
import en from '../store/i18n/studio.en.json';

i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
