import { defineErrors } from '../../shared/errors';
import type { I18nText } from '../../shared/i18n/lang';
import type { ChecklistProblemCode } from '../../shared/checklist/problems';

/** One problem in a checklist file, at an exact position, in every language. */
export interface ChecklistFileProblem {
  code: string;
  file: string;
  line: number;
  column: number;
  message: I18nText;
}

export type LoaderProblemCode =
  | 'CHECKLIST_YAML_SYNTAX'
  | 'CHECKLIST_SCHEMA'
  | 'CHECKLIST_MISSING_TRANSLATION'
  | 'CHECKLIST_UNSAFE_PATTERN'
  | 'CHECKLIST_FILE_TOO_LARGE';

/** Message templates for each problem; {file}, {line}, {column} and the problem's own params fill them. */
export const PROBLEM_TEXT: Record<ChecklistProblemCode | LoaderProblemCode, I18nText> = {
  CHECKLIST_YAML_SYNTAX: {
    ru: 'Ошибка синтаксиса YAML: {detail}',
    ky: 'YAML синтаксисинде ката: {detail}',
    en: 'YAML syntax error: {detail}',
  },
  CHECKLIST_SCHEMA: {
    ru: 'Значение не соответствует формату чек-листа ({field}): {detail}',
    ky: 'Маани чек-листтин форматына туура келбейт ({field}): {detail}',
    en: 'The value does not fit the checklist format ({field}): {detail}',
  },
  CHECKLIST_MISSING_TRANSLATION: {
    ru: 'Нет перевода на язык «{lang}» ({field})',
    ky: '«{lang}» тилине котормо жок ({field})',
    en: 'Missing translation into "{lang}" ({field})',
  },
  CHECKLIST_UNSAFE_PATTERN: {
    ru: 'Регулярные выражения («{key}») в чек-листах запрещены: опишите слова через lemma, form или prefix',
    ky: 'Чек-листтерде регулярдуу туюнтмаларга («{key}») тыюу салынат: сөздөрдү lemma, form же prefix аркылуу жазыңыз',
    en: 'Regular expressions ("{key}") are not allowed in checklists: describe words with lemma, form or prefix',
  },
  CHECKLIST_FILE_TOO_LARGE: {
    ru: 'Файл чек-листа больше {max} КБ',
    ky: 'Чек-лист файлы {max} КБдан чоң',
    en: 'The checklist file is larger than {max} KB',
  },
  CHECKLIST_DUPLICATE_ID: {
    ru: 'Идентификатор «{id}» повторяется',
    ky: '«{id}» идентификатору кайталанат',
    en: 'The id "{id}" is used twice',
  },
  CHECKLIST_UNKNOWN_SOURCE: {
    ru: 'Источник «{id}» не объявлен в разделе sources',
    ky: '«{id}» булагы sources бөлүмүндө жарыяланган эмес',
    en: 'The source "{id}" is not declared under sources',
  },
  CHECKLIST_UNKNOWN_CRITERION: {
    ru: 'Ссылка на несуществующий критерий «{id}»',
    ky: 'Жок критерийге шилтеме: «{id}»',
    en: 'Reference to an unknown criterion "{id}"',
  },
  CHECKLIST_UNKNOWN_WORD: {
    ru: 'Слово «{word}» в «{term}» неизвестно морфологическому словарю: проверьте написание или используйте form / prefix',
    ky: '«{term}» ичиндеги «{word}» сөзү морфологиялык сөздүккө белгисиз: жазылышын текшериңиз же form / prefix колдонуңуз',
    en: 'The word "{word}" in "{term}" is unknown to the morphology dictionary: check the spelling or use form / prefix',
  },
  CHECKLIST_BAD_TERM: {
    ru: 'Термин «{term}» должен содержать от 1 до {max} слов',
    ky: '«{term}» термини 1ден {max} сөзгө чейин камтышы керек',
    en: 'The term "{term}" must have 1 to {max} words',
  },
  CHECKLIST_BAD_NEAR: {
    ru: 'В near допускаются только слова и списки слов (lemma, form, prefix, any из слов), не all / none / near',
    ky: 'near ичинде сөздөр жана сөз тизмелери гана колдонулат (lemma, form, prefix, сөздөрдөн any), all / none / near эмес',
    en: 'near accepts only words and lists of words (lemma, form, prefix, any of words), not all / none / near',
  },
  CHECKLIST_PREFIX_TOO_SHORT: {
    ru: 'Префикс «{term}» должен быть одним словом не короче {min} букв',
    ky: '«{term}» префикси кеминде {min} тамгадан турган бир сөз болушу керек',
    en: 'The prefix "{term}" must be one word of at least {min} letters',
  },
  CHECKLIST_TOO_DEEP: {
    ru: 'Слишком глубокая вложенность all / any / none (не более {max} уровней)',
    ky: 'all / any / none өтө терең салынган ({max} деңгээлден ашпашы керек)',
    en: 'all / any / none are nested too deeply (at most {max} levels)',
  },
  CHECKLIST_EMPTY_DETECTOR: {
    ru: 'Детектору «{id}» нужно условие: {need}',
    ky: '«{id}» детекторуна шарт керек: {need}',
    en: 'The detector "{id}" needs a condition: {need}',
  },
  CHECKLIST_NO_MORPHOLOGY: {
    ru: 'Нет морфологии для языка «{lang}»',
    ky: '«{lang}» тили үчүн морфология жок',
    en: 'No morphology for the language "{lang}"',
  },
  CHECKLIST_EXAMPLE_NOT_FLAGGED: {
    ru: 'Детектор «{id}» не срабатывает на своём примере flag: «{text}»',
    ky: '«{id}» детектору өзүнүн flag мисалында иштебейт: «{text}»',
    en: 'The detector "{id}" does not fire on its flag example: "{text}"',
  },
  CHECKLIST_EXAMPLE_FLAGGED: {
    ru: 'Детектор «{id}» срабатывает на своём примере pass: «{text}»',
    ky: '«{id}» детектору өзүнүн pass мисалында иштеп кетет: «{text}»',
    en: 'The detector "{id}" fires on its pass example: "{text}"',
  },
};

/** CHECKLIST_INVALID (422): details.problems lists every problem with file, line and column. */
export const CHECKLIST_INVALID_TEXT: I18nText = {
  ru: 'Чек-лист {file} содержит ошибки ({count}); первая — строка {line}, столбец {column}: {first}',
  ky: '{file} чек-листинде каталар бар ({count}); биринчиси — {line}-сап, {column}-мамыча: {first}',
  en: 'The checklist {file} has {count} problem(s); the first, at line {line}, column {column}: {first}',
};

export const ChecklistErrors = defineErrors({
  CHECKLIST_DUPLICATE_CHECKLIST: {
    status: 422,
    text: {
      ru: 'Чек-лист «{id}» объявлен дважды: {first} и {second}',
      ky: '«{id}» чек-листи эки жолу жарыяланган: {first} жана {second}',
      en: 'The checklist "{id}" is declared twice: {first} and {second}',
    },
  },
  CHECKLIST_NOT_FOUND: {
    status: 404,
    text: {
      ru: 'Чек-лист «{id}» не найден',
      ky: '«{id}» чек-листи табылган жок',
      en: 'The checklist "{id}" was not found',
    },
  },
});
