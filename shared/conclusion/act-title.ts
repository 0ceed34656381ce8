import type { ActKind } from '../clause';
import { format, type I18nText, type Lang } from '../i18n/lang';
import { bareTitle, quotedTitle } from './quotes';
import { cleanLine } from './sanitize';

/**
 * The draft named as a conclusion names it: by the kind of act it is, in the case the sentence needs —
 * «… проекта Семейного кодекса Кыргызской Республики», «… проекта Закона Кыргызской Республики
 * «О внесении изменений …»», «Кыргыз Республикасынын Үй-бүлө кодексинин долбооруна …», "… the draft
 * Family Code of the Kyrgyz Republic". A law's title is its name in quotation marks, in the draft's
 * language; a code has a name of its own, which is declined (ru) or given its case ending (ky).
 *
 * NATIVE CHECK PENDING (ky): the phrases and the code names below, like the other Kyrgyz strings.
 */

/** The act's phrase in the genitive (ru: after «проекта»; ky: before «долбооруна»; en: after "the draft"). `{t}` is the quoted title. */
const ACT_PHRASE: Readonly<Record<Exclude<ActKind, 'code'>, I18nText>> = {
  law: { ru: 'Закона Кыргызской Республики {t}', ky: 'Кыргыз Республикасынын {t} Мыйзамынын', en: 'Law of the Kyrgyz Republic {t}' },
  amendment_law: { ru: 'Закона Кыргызской Республики {t}', ky: 'Кыргыз Республикасынын {t} Мыйзамынын', en: 'Law of the Kyrgyz Republic {t}' },
  constitutional_law: {
    ru: 'конституционного Закона Кыргызской Республики {t}',
    ky: 'Кыргыз Республикасынын {t} конституциялык Мыйзамынын',
    en: 'Constitutional Law of the Kyrgyz Republic {t}',
  },
  decree: { ru: 'Указа Президента Кыргызской Республики {t}', ky: 'Кыргыз Республикасынын Президентинин {t} Жарлыгынын', en: 'Decree of the President of the Kyrgyz Republic {t}' },
  resolution: { ru: 'постановления {t}', ky: '{t} токтомунун', en: 'Resolution {t}' },
  other: { ru: 'нормативного правового акта {t}', ky: '{t} ченемдик укуктук актысынын', en: 'normative legal act {t}' },
};

/** A code whose name is not in CODES: named by its title in quotation marks. */
const UNKNOWN_CODE: I18nText = { ru: 'кодекса {t}', ky: '{t} кодексинин', en: 'code {t}' };

interface CodeName {
  /** How its Russian title starts, lower-case, the name's distinctive words. */
  ru: RegExp;
  ky: RegExp;
  /** The code in the genitive, with the state's name. */
  name: I18nText;
}

const code = (ru: RegExp, ky: RegExp, name: I18nText): CodeName => ({ ru, ky, name });

/** The codes of the Kyrgyz Republic a draft is most often one of (or amends). */
const CODES: readonly CodeName[] = [
  code(/^семейн/, /үй-бүлө/, { ru: 'Семейного кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Үй-бүлө кодексинин', en: 'Family Code of the Kyrgyz Republic' }),
  code(/^уголовно-процессуальн/, /кылмыш-жаза-процесстик|кылмыш-жаза процесстик/, {
    ru: 'Уголовно-процессуального кодекса Кыргызской Республики',
    ky: 'Кыргыз Республикасынын Кылмыш-жаза-процесстик кодексинин',
    en: 'Code of Criminal Procedure of the Kyrgyz Republic',
  }),
  code(/^уголовно-исполнительн/, /кылмыш-жаза-аткаруу/, {
    ru: 'Уголовно-исполнительного кодекса Кыргызской Республики',
    ky: 'Кыргыз Республикасынын Кылмыш-жаза-аткаруу кодексинин',
    en: 'Penal Enforcement Code of the Kyrgyz Republic',
  }),
  code(/^уголовн/, /кылмыш-жаза/, { ru: 'Уголовного кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Кылмыш-жаза кодексинин', en: 'Criminal Code of the Kyrgyz Republic' }),
  code(/^гражданский процессуальн/, /жарандык процесстик/, {
    ru: 'Гражданского процессуального кодекса Кыргызской Республики',
    ky: 'Кыргыз Республикасынын Жарандык процесстик кодексинин',
    en: 'Code of Civil Procedure of the Kyrgyz Republic',
  }),
  code(/^гражданск/, /жарандык/, { ru: 'Гражданского кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Жарандык кодексинин', en: 'Civil Code of the Kyrgyz Republic' }),
  code(/^трудов/, /эмгек/, { ru: 'Трудового кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Эмгек кодексинин', en: 'Labour Code of the Kyrgyz Republic' }),
  code(/^налогов/, /салык/, { ru: 'Налогового кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Салык кодексинин', en: 'Tax Code of the Kyrgyz Republic' }),
  code(/^земельн/, /жер кодекс/, { ru: 'Земельного кодекса Кыргызской Республики', ky: 'Кыргыз Республикасынын Жер кодексинин', en: 'Land Code of the Kyrgyz Republic' }),
  code(/^кодекс[^а-я]*(?:кыргызской республики )?о правонарушениях/, /укук бузуулар/, {
    ru: 'Кодекса Кыргызской Республики о правонарушениях',
    ky: 'Кыргыз Республикасынын Укук бузуулар жөнүндө кодексинин',
    en: 'Code of Offences of the Kyrgyz Republic',
  }),
  code(/^кодекс[^а-я]*(?:кыргызской республики )?о детях/, /балдар жөнүндө/, {
    ru: 'Кодекса Кыргызской Республики о детях',
    ky: 'Кыргыз Республикасынын Балдар жөнүндө кодексинин',
    en: 'Code on Children of the Kyrgyz Republic',
  }),
];

const KYRGYZ_LETTERS = /[өүңӨҮҢ]/;

/** «СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ» → «Семейный кодекс Кыргызской Республики»: a title printed in capitals. */
export function ordinaryCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (!letters || letters !== letters.toLocaleUpperCase()) return title;
  const lower = title.toLocaleLowerCase();
  return (lower.charAt(0).toLocaleUpperCase() + lower.slice(1))
    .replace(/кыргызской республики/g, 'Кыргызской Республики')
    .replace(/кыргыз республикасынын/g, 'Кыргыз Республикасынын')
    .replace(/жогорку кенеш/g, 'Жогорку Кенеш')
    .replace(/жогорку кеңеш/g, 'Жогорку Кеңеш');
}

/**
 * What the act's name leaves after the words that say its kind, which the phrase adds itself: a title
 * typed «Закон Кыргызской Республики «О …»» or «проект Закона …» is the law «О …».
 */
function withoutKindWords(title: string, kind: ActKind): string {
  if (kind === 'code') return title;
  const patterns = [
    /^(?:проект\s+)?(?:конституционн\S*\s+)?закон\S*\s+кыргызской\s+республики\s+(.+)$/iu,
    /^(?:кыргыз\s+республикасынын\s+)?(["«“„].+["»”“])\s+(?:конституциялык\s+)?мыйзам\S*(?:\s+долбоору)?$/iu,
    /^(?:(?:the\s+)?draft\s+)?(?:constitutional\s+)?law\s+of\s+the\s+kyrgyz\s+republic\s+(.+)$/iu,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(title);
    if (match) return match[1]!.trim();
  }
  return title;
}

/** A code's name in the genitive of the export language, when it is one Tendik knows by name. */
function knownCode(title: string, lang: Lang): string | null {
  const plain = bareTitle(title).toLocaleLowerCase();
  const found = CODES.find((c) => (KYRGYZ_LETTERS.test(plain) || /кодекси/.test(plain) ? c.ky.test(plain) : c.ru.test(plain)));
  return found ? found.name[lang] : null;
}

/** A title that names a code, whatever the import decided the act is. */
function namesCode(title: string): boolean {
  return /(^|[^\p{L}])(кодекс|кодекси|code)([^\p{L}]|$)/iu.test(title) && !/(^|\s)о внесении|өзгөртүү/iu.test(title);
}

/** The act's kind as the title should call it: the import's, unless it left it open and the title names a code. */
export function titleKind(kind: ActKind, title: string): ActKind {
  return kind === 'other' && namesCode(title) ? 'code' : kind;
}

/** The draft in the genitive of the export language, with the state's name and its title (see above). */
export function actPhrase(kind: ActKind, rawTitle: string, lang: Lang): string {
  const title = ordinaryCase(cleanLine(rawTitle));
  const effective = titleKind(kind, title);
  if (effective === 'code') {
    const known = knownCode(title, lang);
    if (known) return known;
    return format(UNKNOWN_CODE[lang], { t: quotedTitle(title, lang) });
  }
  return format(ACT_PHRASE[effective][lang], { t: quotedTitle(withoutKindWords(title, effective), lang) });
}
