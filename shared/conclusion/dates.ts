import type { Lang } from '../i18n/lang';
import { cleanLine } from './sanitize';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The date a value writes, in the two forms a date arrives in: the form's date inputs store ISO
 * (2026-11-20), a date typed by hand is usually 20.11.2026. Null for anything else (free text).
 */
function dateParts(text: string): { year: number; month: number; day: number } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*(?:г\.?|года|ж\.?))?$/.exec(text);
  if (dotted) return { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  return null;
}

/** Whether the day exists in the calendar (no 30 February, no 29 February 2026). */
function exists({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DateCheck = 'empty' | 'valid' | 'impossible' | 'not-a-date';

/**
 * What a date field holds: nothing, a real date, a date that does not exist (30.02.2026), or text
 * that is no date at all. A letter's date must be a real date; the period of the expertise may also
 * be said in words («до конца месяца»), but a date it writes must exist.
 */
export function checkDate(value: string | null | undefined): DateCheck {
  const text = cleanLine(value);
  if (!text) return 'empty';
  const parts = dateParts(text);
  if (!parts) return 'not-a-date';
  return exists(parts) ? 'valid' : 'impossible';
}

/**
 * A date as an official letter prints it: 20.11.2026 in ru and ky; in en the month spelled out, so no
 * reader takes the day for the month. Anything that is not a real date is printed as typed (the
 * validation refuses such a letter date before it is exported).
 */
export function displayDate(value: string | null | undefined, lang: Lang): string {
  const text = cleanLine(value);
  const parts = dateParts(text);
  if (!parts || !exists(parts)) return text;
  const { year, month, day } = parts;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return lang === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${dd}.${mm}.${year}`;
}
