import type { Lang } from '../i18n/lang';
import { cleanLine } from './sanitize';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as an official letter prints it. The form's date inputs store ISO dates (2026-11-20); the
 * region's letters write 20.11.2026, and an English letter spells the month so no reader takes the
 * day for the month. Anything else (a date typed by hand) is printed as typed.
 */
export function displayDate(value: string | null | undefined, lang: Lang): string {
  const text = cleanLine(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!iso) return text;
  const [, year, month, day] = iso as unknown as [string, string, string, string];
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return text;
  return lang === 'en' ? `${d} ${EN_MONTHS[m - 1]} ${year}` : `${day}.${month}.${year}`;
}
