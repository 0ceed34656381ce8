import type { ImportWarning } from '../../../shared/import-report';

/**
 * What a reader could not carry into the draft. Each feature is reported once per document, with the
 * first place it was met, so the report stays short even for a file with hundreds of comments.
 */
export const READER_WARNINGS = {
  scripts: {
    code: 'content_removed',
    message: {
      ru: 'Удалено исполняемое или встроенное содержимое (скрипты, обработчики событий, ссылки javascript:, фреймы, объекты); в текст проекта оно не попало.',
      ky: 'Аткарылуучу же орнотулган мазмун (скрипттер, окуя иштеткичтери, javascript: шилтемелери, фреймдер, объекттер) өчүрүлдү; долбоордун текстине кирген жок.',
      en: 'Executable or embedded content (scripts, event handlers, javascript: links, frames, objects) was removed; none of it is in the draft text.',
    },
  },
  images: {
    code: 'feature_ignored',
    message: {
      ru: 'Изображения и рисунки не импортируются.',
      ky: 'Сүрөттөр жана чиймелер импорттолбойт.',
      en: 'Images and drawings are not imported.',
    },
  },
  comments: {
    code: 'feature_ignored',
    message: {
      ru: 'Примечания (комментарии) Word не импортируются.',
      ky: 'Word эскертүүлөрү (комментарийлер) импорттолбойт.',
      en: 'Word comments are not imported.',
    },
  },
  notes: {
    code: 'feature_ignored',
    message: {
      ru: 'Сноски не импортируются: в тексте нет их номеров и содержания.',
      ky: 'Шилтемелер (сноскалар) импорттолбойт: текстте алардын номерлери жана мазмуну жок.',
      en: 'Footnotes and endnotes are not imported: neither their marks nor their text.',
    },
  },
  revisions: {
    code: 'feature_ignored',
    message: {
      ru: 'В документе есть исправления (режим рецензирования): удалённый текст пропущен, вставленный принят.',
      ky: 'Документте оңдоолор бар (рецензиялоо режими): өчүрүлгөн текст алынган жок, кошулганы кабыл алынды.',
      en: 'The document has tracked changes: deleted text was skipped, inserted text was accepted.',
    },
  },
  altChunk: {
    code: 'feature_ignored',
    message: {
      ru: 'Встроенный в документ фрагмент другого формата (altChunk) не прочитан.',
      ky: 'Документке орнотулган башка форматтагы фрагмент (altChunk) окулган жок.',
      en: 'An embedded chunk of another format (altChunk) could not be read.',
    },
  },
  toc: {
    code: 'feature_ignored',
    message: {
      ru: 'Оглавление документа пропущено: оно повторяет заголовки.',
      ky: 'Документтин мазмуну (оглавление) алынган жок: ал аталыштарды кайталайт.',
      en: 'The table of contents was skipped: it repeats the headings.',
    },
  },
  hidden: {
    code: 'feature_ignored',
    message: {
      ru: 'Скрытый текст (не выводится на печать) пропущен.',
      ky: 'Жашырылган текст (басылып чыкпайт) алынган жок.',
      en: 'Hidden (non-printing) text was skipped.',
    },
  },
  cp1251: {
    code: 'encoding_guessed',
    message: {
      ru: 'Кодировка файла не указана; текст прочитан как Windows-1251. Проверьте, что кириллица отображается правильно.',
      ky: 'Файлдын коддолушу көрсөтүлгөн эмес; текст Windows-1251 катары окулду. Кирилл тамгалары туура көрүнгөнүн текшериңиз.',
      en: 'The file does not declare its encoding; the text was read as Windows-1251. Check that the Cyrillic text looks right.',
    },
  },
  otherEncoding: {
    code: 'encoding_guessed',
    message: {
      ru: 'Кодировка файла не указана; текст прочитан как {encoding}. Проверьте текст.',
      ky: 'Файлдын коддолушу көрсөтүлгөн эмес; текст {encoding} катары окулду. Текстти текшериңиз.',
      en: 'The file does not declare its encoding; the text was read as {encoding}. Please check the text.',
    },
  },
} as const satisfies Record<string, Omit<ImportWarning, 'location' | 'message'> & { message: ImportWarning['message'] }>;

export type ReaderFeature = keyof typeof READER_WARNINGS;

/** Collects reader warnings, one per feature, remembering where the feature was first seen. */
export class WarningSet {
  private readonly seen = new Map<ReaderFeature, ImportWarning>();

  add(feature: ReaderFeature, line?: number, params: Record<string, string> = {}): void {
    if (this.seen.has(feature)) return;
    const w = READER_WARNINGS[feature];
    const fill = (s: string) => s.replace(/\{(\w+)\}/g, (all, k: string) => params[k] ?? all);
    this.seen.set(feature, {
      code: w.code,
      message: { ru: fill(w.message.ru), ky: fill(w.message.ky), en: fill(w.message.en) },
      location: line === undefined ? {} : { line },
    });
  }

  has(feature: ReaderFeature): boolean {
    return this.seen.has(feature);
  }

  list(): ImportWarning[] {
    return [...this.seen.values()];
  }
}
