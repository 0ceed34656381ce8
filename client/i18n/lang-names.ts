import { isLang, type Lang } from '../../shared/i18n/lang';

/** Each language by its own name (endonym), as language pickers show them. */
export const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', ky: 'Кыргызча', en: 'English' };

/** A language code from the server (a draft's detected language) as a name; unknown codes stay as they are. */
export function langName(code: string): string {
  return isLang(code) ? LANG_NAMES[code] : code;
}
