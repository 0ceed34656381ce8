/** The three languages every word of Tendik exists in. Russian is the default. */
export const LANGS = ['ru', 'ky', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';

/** A text that exists in every language; missing translations are a type error, not a runtime surprise. */
export type I18nText = Readonly<Record<Lang, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks the best language from an Accept-Language header or a `?lang=` value. */
export function negotiateLang(...candidates: Array<string | null | undefined>): Lang {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
      if (isLang(tag)) return tag;
    }
  }
  return DEFAULT_LANG;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function localize(text: I18nText, lang: Lang, params?: Readonly<Record<string, string | number>>): string {
  return format(text[lang], params);
}
