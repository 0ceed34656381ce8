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
  return new Intl.DateTimeFormat(LOCALES[current], { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** Intl formatters are costly to construct (a sidebar of hundreds of cards formats hundreds of values): one per language. */
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatDateTime(value: number): string {
  let format = dateTimeFormats.get(current);
  if (!format) dateTimeFormats.set(current, (format = new Intl.DateTimeFormat(LOCALES[current], { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(value));
}

export function formatNumber(value: number): string {
  let format = numberFormats.get(current);
  if (!format) numberFormats.set(current, (format = new Intl.NumberFormat(LOCALES[current])));
  return format.format(value);
}

export { LANGS };
