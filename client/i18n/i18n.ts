import { DEFAULT_LANG, format, isLang, LANGS, type I18nText, type Lang } from '../../shared/i18n/lang';
import { STRINGS, type StringKey } from './strings';

export type { StringKey };

const STORAGE_KEY = 'tendik_lang';
const listeners = new Set<(lang: Lang) => void>();

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  const cookie = /(?:^|;\s*)tendik_lang=(\w+)/.exec(document.cookie)?.[1];
  return isLang(cookie) ? cookie : DEFAULT_LANG;
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function t(key: StringKey, params?: Readonly<Record<string, string | number>>): string {
  return format(STRINGS[current][key], params);
}

/** Text that came from the server or the checklist in all three languages. */
export function pick(text: I18nText | string | undefined | null): string {
  if (text == null) return '';
  return typeof text === 'string' ? text : text[current];
}

/**
 * Switches the language without a reload: the choice is kept in localStorage and in the
 * `tendik_lang` cookie, which the server reads to phrase its error messages.
 */
export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.cookie = `${STORAGE_KEY}=${next}; path=/; max-age=31536000; samesite=lax`;
  applyStaticTexts(document);
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Elements built with `text()`/`label()` carry their key in data attributes, so one pass over the
 * document retranslates everything static; lists that depend on data re-render via onLangChange.
 */
export function applyStaticTexts(root: ParentNode): void {
  document.documentElement.lang = current;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as StringKey));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle as StringKey);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as StringKey);
  });
}

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', ky: 'ky-KG', en: 'en-GB' };

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return longDate(date);
}

/** Intl formatters are costly to construct (a sidebar of hundreds of cards formats hundreds of values): one per language. */
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * Whether dates in this language are written with the app's own words (client/i18n/features/dates.ts)
 * rather than Intl: always in Kyrgyz — Chromium has no Kyrgyz locale data (Intl answers in English)
 * and CLDR's pattern is not the official «2026-жылдын 20-декабры» — and in any language the browser
 * lacks.
 */
function ownDateWords(language: Lang): boolean {
  return language === 'ky' || Intl.DateTimeFormat.supportedLocalesOf([LOCALES[language]]).length === 0;
}

function longDate(date: Date): string {
  if (ownDateWords(current)) {
    return t('datesLong', { day: date.getDate(), month: t(`datesMonth${date.getMonth() + 1}` as StringKey), year: date.getFullYear() });
  }
  let format = dateFormats.get(current);
  if (!format) dateFormats.set(current, (format = new Intl.DateTimeFormat(LOCALES[current], { year: 'numeric', month: 'long', day: 'numeric' })));
  return format.format(date);
}

export function formatDateTime(value: number): string {
  const date = new Date(value);
  if (ownDateWords(current)) {
    const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    return t('datesDateTime', { date: longDate(date), time });
  }
  let format = dateTimeFormats.get(current);
  if (!format) dateTimeFormats.set(current, (format = new Intl.DateTimeFormat(LOCALES[current], { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(date);
}

export function formatNumber(value: number): string {
  let format = numberFormats.get(current);
  if (!format) numberFormats.set(current, (format = new Intl.NumberFormat(LOCALES[current])));
  return format.format(value);
}

export { LANGS };
