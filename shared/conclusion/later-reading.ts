import { format, type I18nText, type Lang } from '../i18n/lang';
import type { AdoptionStatus } from '../readings/adoption-status';
import { cleanLine, paragraphsOf } from './sanitize';

/**
 * The conclusion on a later reading of the draft (issue 16): «Заключение … ко второму чтению», a
 * section saying which of the recommendations made on the earlier text were adopted and which stand,
 * and, when asked for, the comparative form «редакция 1-го чтения | редакция 2-го чтения |
 * рекомендация Альянса | учтено?». The statuses are the secretary's (the detector's where she has not
 * decided yet), read by the server from the review's recommendation statuses.
 *
 * NATIVE CHECK PENDING: the Kyrgyz ordinals and formulas below, like the rest of strings.ts.
 */

export interface ReadingRecommendation {
  findingId: string;
  clauseLabel: string;
  /** The clause as it stood in the earlier reading. */
  drafted: string;
  /** The aligned clause in this reading; null when it was deleted. */
  newText: string | null;
  /** The clause as the Alliance proposed it. */
  proposed: string;
  status: AdoptionStatus;
}

export interface LaterReadingInput {
  /** This reading's number (2 for the second reading). */
  seq: number;
  recommendations: readonly ReadingRecommendation[];
  /** Add the comparative form of the earlier and this reading's texts. */
  comparative?: boolean;
}

export interface ReadingTableRow {
  number: number;
  unit: string;
  before: string[];
  after: string[];
  recommendation: string[];
  adopted: string;
}

export interface ReadingTable {
  headers: [before: string, after: string, recommendation: string, adopted: string];
  rows: ReadingTableRow[];
}

const RU_DATIVE = ['', 'первому', 'второму', 'третьему', 'четвёртому', 'пятому', 'шестому'];
const KY_ORDINAL = ['', 'биринчи', 'экинчи', 'үчүнчү', 'төртүнчү', 'бешинчи', 'алтынчы'];
const EN_ORDINAL = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** «ко второму чтению», «экинчи окууга карата», "for the second reading". */
export function readingPhrase(seq: number, lang: Lang): string {
  if (lang === 'ru') {
    const word = RU_DATIVE[seq];
    if (!word) return `к ${seq}-му чтению`;
    return `${/^(в|вт)/.test(word) ? 'ко' : 'к'} ${word} чтению`;
  }
  if (lang === 'ky') return `${KY_ORDINAL[seq] ?? `${seq}-`} окууга карата`.replace('- окууга', '-окууга');
  return `for the ${EN_ORDINAL[seq] ?? `${seq}th`} reading`;
}

export const READING_TITLE: I18nText = {
  ru: 'Заключение по результатам гендерной экспертизы проекта {act} {reading}',
  ky: '{act} долбооруна {reading} гендердик экспертизанын корутундусу',
  en: 'Conclusion on the results of the gender expertise of the draft {act} {reading}',
};

const TEXTS = {
  summary: {
    ru: 'Рекомендаций, данных Альянсом к тексту проекта ранее: {total}. В редакции {seq}-го чтения учтено: {adopted}; учтено частично: {partly}; не учтено: {notAdopted}; утратило актуальность: {notApplicable}.',
    ky: 'Альянс долбоордун текстине мурда берген сунуштамалар: {total}. {seq}-окуудагы редакцияда эске алынды: {adopted}; жарым-жартылай эске алынды: {partly}; эске алынган жок: {notAdopted}; маанисин жоготту: {notApplicable}.',
    en: 'Recommendations the Alliance made earlier on the text of the draft: {total}. In the text of reading {seq}: adopted {adopted}; partly adopted {partly}; not adopted {notAdopted}; no longer applicable {notApplicable}.',
  },
  adopted: { ru: 'Учтены: {units}.', ky: 'Эске алынды: {units}.', en: 'Adopted: {units}.' },
  partly: {
    ru: 'Учтены частично (в неучтённой части сохраняют силу): {units}.',
    ky: 'Жарым-жартылай эске алынды (эске алынбаган бөлүгүндө күчүндө калат): {units}.',
    en: 'Partly adopted (they stand for the rest): {units}.',
  },
  not_adopted: {
    ru: 'Не учтены и сохраняют силу: {units}.',
    ky: 'Эске алынган жок жана күчүндө калат: {units}.',
    en: 'Not adopted, and they stand: {units}.',
  },
  not_applicable: {
    ru: 'Утратили актуальность (нормы исключены или изменены): {units}.',
    ky: 'Маанисин жоготту (ченемдер алынып салынган же өзгөртүлгөн): {units}.',
    en: 'No longer applicable (the provisions were deleted or changed): {units}.',
  },
  none: {
    ru: 'Ранее данных рекомендаций к тексту проекта нет.',
    ky: 'Долбоордун текстине мурда берилген сунуштамалар жок.',
    en: 'No recommendations were made earlier on the text of the draft.',
  },
  tableIntro: {
    ru: 'Сравнение редакций по каждой рекомендации приведено в таблице ниже.',
    ky: 'Ар бир сунуштама боюнча редакциялардын салыштырмасы төмөнкү таблицада келтирилген.',
    en: 'The table below compares the texts for each recommendation.',
  },
} satisfies Record<string, I18nText>;

export const STATUS_WORDS: Readonly<Record<AdoptionStatus, I18nText>> = {
  adopted: { ru: 'Учтено', ky: 'Эске алынды', en: 'Adopted' },
  partly: { ru: 'Учтено частично', ky: 'Жарым-жартылай эске алынды', en: 'Partly adopted' },
  not_adopted: { ru: 'Не учтено', ky: 'Эске алынган жок', en: 'Not adopted' },
  not_applicable: { ru: 'Утратило актуальность', ky: 'Маанисин жоготту', en: 'No longer applicable' },
};

const DELETED: I18nText = { ru: '(норма исключена)', ky: '(ченем алынып салынган)', en: '(provision deleted)' };

const HEADERS: Record<Lang, (before: number, after: number) => ReadingTable['headers']> = {
  ru: (b, a) => [`Редакция ${b}-го чтения`, `Редакция ${a}-го чтения`, 'Рекомендация Альянса', 'Учтено?'],
  ky: (b, a) => [`${b}-окуудагы редакциясы`, `${a}-окуудагы редакциясы`, 'Альянстын сунуштамасы', 'Эске алындыбы?'],
  en: (b, a) => [`Text at reading ${b}`, `Text at reading ${a}`, "The Alliance's recommendation", 'Adopted?'],
};

const ORDER: readonly AdoptionStatus[] = ['adopted', 'partly', 'not_adopted', 'not_applicable'];

/** The section's paragraphs and, when asked for, the comparative form. */
export function laterReadingSection(input: LaterReadingInput, lang: Lang): { paragraphs: string[]; table: ReadingTable | null } {
  const list = input.recommendations;
  if (list.length === 0) return { paragraphs: [TEXTS.none[lang]], table: null };
  const count = (s: AdoptionStatus) => list.filter((r) => r.status === s).length;
  const paragraphs = [
    format(TEXTS.summary[lang], {
      total: list.length,
      seq: input.seq,
      adopted: count('adopted'),
      partly: count('partly'),
      notAdopted: count('not_adopted'),
      notApplicable: count('not_applicable'),
    }),
  ];
  for (const status of ORDER) {
    const units = [...new Set(list.filter((r) => r.status === status).map((r) => cleanLine(r.clauseLabel)))];
    if (units.length) paragraphs.push(format(TEXTS[status][lang], { units: units.join('; ') }));
  }
  if (!input.comparative) return { paragraphs, table: null };
  paragraphs.push(TEXTS.tableIntro[lang]);
  const lines = (text: string) => {
    const p = paragraphsOf(text);
    return p.length ? p : ['—'];
  };
  return {
    paragraphs,
    table: {
      headers: HEADERS[lang](input.seq - 1, input.seq),
      rows: list.map((r, i) => ({
        number: i + 1,
        unit: cleanLine(r.clauseLabel),
        before: lines(r.drafted),
        after: r.newText === null ? [DELETED[lang]] : lines(r.newText),
        recommendation: lines(r.proposed),
        adopted: STATUS_WORDS[r.status][lang],
      })),
    },
  };
}
