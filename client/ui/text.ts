/** Small display helpers shared by the pages: pick a scenario text in the current language, format
 *  incident time. No state, no imports of the engine or Phaser. */
import type { LocalizedText } from '../store/api';
import { currentLang } from '../store/i18n';

export function pick(text: LocalizedText | null | undefined, lang: string): string {
  if (!text) return '';
  return text[currentLang(lang)] || text.vi;
}

/** Seconds as mm:ss. */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
