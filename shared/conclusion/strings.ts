import type { I18nText, Lang } from '../i18n/lang';
import type { ConclusionVerdict, Severity } from '../review-model';

/**
 * Every fixed word of the conclusion, in ru / ky / en. Wording follows docs/conclusion.md, "Where the structure comes from" (the JK Standards'
 * «Экспертиза корутундусу», the 2010 Instruction's «Корутунду даярдоо», UZ/UA verdict formulas).
 *
 * NATIVE CHECK PENDING: the Kyrgyz wordings (marked in docs/conclusion.md as suggested
 * translations) — in particular the page label «{total} беттин {current}-бети», the title formula and
 * the table headers «Долбоордун редакциясы / Сунушталган редакция / Негиздеме» — must be confirmed by a
 * native legal translator before the first Kyrgyz conclusion is issued.
 */

/** BCP-47 tags written into the DOCX for spelling and hyphenation. */
export const DOCUMENT_LANGUAGE: Readonly<Record<Lang, string>> = { ru: 'ru-RU', ky: 'ky-KG', en: 'en-US' };

export const ISSUER: { name: I18nText; secretariat: I18nText } = {
  name: {
    ru: 'Альянс женских законодательных инициатив',
    ky: 'Аялдардын мыйзам чыгаруу демилгелеринин альянсы',
    en: "Alliance of Women's Legislative Initiatives",
  },
  secretariat: {
    ru: 'Секретариат: ОО «Агентство социальных технологий»',
    ky: 'Катчылык: «Социалдык технологиялар агенттиги» КБ',
    en: 'Secretariat: Social Technologies Agency (public association)',
  },
};

/** `{title}` is the draft's title without surrounding quotes. */
export const CONCLUSION_TITLE: I18nText = {
  ru: 'Заключение по результатам гендерной экспертизы проекта Закона Кыргызской Республики «{title}»',
  ky: 'Кыргыз Республикасынын «{title}» Мыйзамынын долбооруна гендердик экспертизанын корутундусу',
  en: 'Conclusion on the results of the gender expertise of the draft Law of the Kyrgyz Republic “{title}”',
};

export const TABLE_TITLE: I18nText = {
  ru: 'Сравнительная таблица к проекту Закона Кыргызской Республики «{title}»',
  ky: 'Кыргыз Республикасынын «{title}» Мыйзамынын долбооруна салыштырма таблица',
  en: 'Comparative table to the draft Law of the Kyrgyz Republic “{title}”',
};

export const WORKING_COPY_TITLE: I18nText = {
  ru: 'Рабочий экземпляр проекта с замечаниями гендерной экспертизы',
  ky: 'Гендердик экспертизанын сын-пикирлери менен долбоордун жумушчу нускасы',
  en: 'Working copy of the draft with the gender expertise findings',
};

/** Page label in the footer; `{current}` and `{total}` become Word fields. */
export const PAGE_LABEL: I18nText = {
  ru: 'стр. {current} из {total}',
  ky: '{total} беттин {current}-бети',
  en: 'Page {current} of {total}',
};

export const SECTION_IDS = [
  'general',
  'summary',
  'relevance',
  'analysis',
  'table',
  'verdict',
  'recommendations',
  'signatures',
  'annexes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Readonly<Record<SectionId, I18nText>> = {
  general: { ru: 'Общие сведения', ky: 'Жалпы маалымат', en: 'General information' },
  summary: { ru: 'Краткое содержание проекта', ky: 'Долбоордун кыскача мазмуну', en: 'Summary of the draft' },
  relevance: {
    ru: 'Гендерная значимость проекта и целевые группы',
    ky: 'Долбоордун гендердик маанилүүлүгү жана максаттуу топтор',
    en: 'Gender relevance of the draft and target groups',
  },
  analysis: { ru: 'Анализ по критериям', ky: 'Критерийлер боюнча талдоо', en: 'Analysis by criteria' },
  table: {
    ru: 'Сравнительная таблица замечаний и предложений',
    ky: 'Сын-пикирлердин жана сунуштардын салыштырма таблицасы',
    en: 'Comparative table of findings and proposals',
  },
  verdict: { ru: 'Вывод', ky: 'Жыйынтык', en: 'Verdict' },
  recommendations: { ru: 'Рекомендации', ky: 'Сунуштамалар', en: 'Recommendations' },
  signatures: { ru: 'Подписи', ky: 'Колдор', en: 'Signatures' },
  annexes: { ru: 'Приложения', ky: 'Тиркемелер', en: 'Annexes' },
};

export const FIELD_LABELS = {
  outgoing: { ru: 'Исх. № {number} от {date}', ky: 'Чыгуучу № {number}, {date}', en: 'Ref. No. {number} of {date}' },
  draftTitle: { ru: 'Наименование проекта', ky: 'Долбоордун аталышы', en: 'Title of the draft' },
  initiator: {
    ru: 'Инициатор (субъект права законодательной инициативы)',
    ky: 'Демилгечи (мыйзам чыгаруу демилгесинин субъекти)',
    en: 'Initiator (subject of legislative initiative)',
  },
  registration: {
    ru: 'Регистрационный номер в Жогорку Кенеше',
    ky: 'Жогорку Кеңештеги каттоо номери',
    en: 'Registration number in the Jogorku Kenesh',
  },
  reading: { ru: 'Стадия (чтение)', ky: 'Баскычы (окуу)', en: 'Stage (reading)' },
  basis: { ru: 'Основание проведения экспертизы', ky: 'Экспертиза жүргүзүүнүн негизи', en: 'Basis of the expertise' },
  experts: { ru: 'Эксперты', ky: 'Эксперттер', en: 'Experts' },
  period: { ru: 'Срок проведения экспертизы', ky: 'Экспертиза жүргүзүлгөн мөөнөт', en: 'Period of the expertise' },
  periodRange: { ru: 'с {from} по {to}', ky: '{from} – {to}', en: 'from {from} to {to}' },
  notSpecified: { ru: 'не указано', ky: 'көрсөтүлгөн эмес', en: 'not specified' },
} satisfies Record<string, I18nText>;

export const TABLE_HEADERS: Readonly<Record<'number' | 'unit' | 'draft' | 'proposed' | 'justification', I18nText>> = {
  number: { ru: '№', ky: '№', en: 'No.' },
  unit: {
    ru: 'Структурная единица (ст., ч., п., пп.)',
    ky: 'Түзүмдүк бирдик (берене, бөлүк, пункт, пунктча)',
    en: 'Structural unit (art., part, item, sub-item)',
  },
  draft: { ru: 'Редакция проекта', ky: 'Долбоордун редакциясы', en: 'Text of the draft' },
  proposed: { ru: 'Предлагаемая редакция', ky: 'Сунушталган редакция', en: 'Proposed wording' },
  justification: {
    ru: 'Обоснование (критерий, правовая основа)',
    ky: 'Негиздеме (критерий, укуктук негиз)',
    en: 'Justification (criterion, legal basis)',
  },
};

export const TABLE_TEXTS = {
  noFindings: {
    ru: 'Замечаний к тексту проекта не выявлено.',
    ky: 'Долбоордун текстине сын-пикирлер аныкталган жок.',
    en: 'No findings on the text of the draft.',
  },
  noWording: { ru: '—', ky: '—', en: '—' },
  legalBasis: { ru: 'Правовая основа: {basis}', ky: 'Укуктук негиз: {basis}', en: 'Legal basis: {basis}' },
  unknownClause: {
    ru: 'фрагмент отсутствует в текущей редакции ({id})',
    ky: 'фрагмент учурдагы редакцияда жок ({id})',
    en: 'fragment absent from the current text ({id})',
  },
} satisfies Record<string, I18nText>;

export const ANALYSIS_TEXTS = {
  answers: {
    ru: 'Ответы экспертов на вопросы критерия: да — {yes}, нет — {no}, частично — {partly}, неприменимо — {na}.',
    ky: 'Эксперттердин критерийдин суроолоруна жооптору: ооба — {yes}, жок — {no}, жарым-жартылай — {partly}, тиешеси жок — {na}.',
    en: "Experts' answers to the criterion's questions: yes — {yes}, no — {no}, partly — {partly}, not applicable — {na}.",
  },
  findings: {
    ru: 'Подтверждённые замечания ({count}): {clauses}.',
    ky: 'Ырасталган сын-пикирлер ({count}): {clauses}.',
    en: 'Confirmed findings ({count}): {clauses}.',
  },
  positives: {
    ru: 'Положительные нормы ({count}): {clauses}.',
    ky: 'Оң ченемдер ({count}): {clauses}.',
    en: 'Positive provisions ({count}): {clauses}.',
  },
  /** A finding's line in the analysis: its clause, its severity, the explanation. */
  finding: { ru: '{clause} ({severity}): {text}', ky: '{clause} ({severity}): {text}', en: '{clause} ({severity}): {text}' },
  none: {
    ru: 'Нарушений по данному критерию не выявлено.',
    ky: 'Бул критерий боюнча бузуулар аныкталган жок.',
    en: 'No issues were found under this criterion.',
  },
  notAssessed: {
    ru: 'Критерий не оценивался.',
    ky: 'Критерий бааланган жок.',
    en: 'The criterion was not assessed.',
  },
} satisfies Record<string, I18nText>;

/** Severity of a finding as the workbench names it (client/i18n: severity_*), lower-case in running text. */
export const SEVERITY_TEXTS: Readonly<Record<Severity, I18nText>> = {
  note: { ru: 'примечание', ky: 'эскертме', en: 'note' },
  concern: { ru: 'вызывает сомнение', ky: 'шек жаратат', en: 'concern' },
  violation: { ru: 'нарушение', ky: 'бузуу', en: 'violation' },
};

export const VERDICT_TEXTS: Readonly<Record<ConclusionVerdict, I18nText>> = {
  complies: {
    ru: 'Проект соответствует принципам гендерного равенства: дискриминационных норм не выявлено.',
    ky: 'Долбоор гендердик теңдик принциптерине шайкеш келет: басмырлоочу ченемдер аныкталган жок.',
    en: 'The draft complies with the principles of gender equality: no discriminatory provisions were found.',
  },
  complies_with_recommendations: {
    ru: 'Проект соответствует принципам гендерного равенства при условии учёта изложенных замечаний и рекомендаций.',
    ky: 'Долбоор көрсөтүлгөн сын-пикирлер жана сунуштамалар эске алынган шартта гендердик теңдик принциптерине шайкеш келет.',
    en: 'The draft complies with the principles of gender equality subject to the findings and recommendations set out above.',
  },
  does_not_comply: {
    ru: 'Проект не соответствует принципам гендерного равенства и подлежит доработке.',
    ky: 'Долбоор гендердик теңдик принциптерине шайкеш келбейт жана кайра иштеп чыгууга жатат.',
    en: 'The draft does not comply with the principles of gender equality and must be revised.',
  },
};

export const SIGNATURE_TEXTS = {
  signatureLine: { ru: '_______________', ky: '_______________', en: '_______________' },
  date: { ru: 'Дата: {date}', ky: 'Күнү: {date}', en: 'Date: {date}' },
} satisfies Record<string, I18nText>;

export const WORKING_COPY_TEXTS = {
  author: { ru: 'Гендерная экспертиза', ky: 'Гендердик экспертиза', en: 'Gender expertise' },
  criterion: { ru: 'Критерий: {criterion}', ky: 'Критерий: {criterion}', en: 'Criterion: {criterion}' },
  proposed: {
    ru: 'Предлагаемая редакция: {wording}',
    ky: 'Сунушталган редакция: {wording}',
    en: 'Proposed wording: {wording}',
  },
  justification: { ru: 'Обоснование: {text}', ky: 'Негиздеме: {text}', en: 'Justification: {text}' },
  orphans: {
    ru: 'Замечания к фрагментам, отсутствующим в текущей редакции',
    ky: 'Учурдагы редакцияда жок фрагменттерге сын-пикирлер',
    en: 'Findings on fragments absent from the current text',
  },
} satisfies Record<string, I18nText>;

/** The first words of a downloaded file's name. */
export const FILE_NAMES = {
  conclusion: { ru: 'Заключение', ky: 'Корутунду', en: 'Conclusion' },
  table: { ru: 'Сравнительная таблица', ky: 'Салыштырма таблица', en: 'Comparative table' },
  workingCopy: { ru: 'Рабочий экземпляр', ky: 'Жумушчу нуска', en: 'Working copy' },
} satisfies Record<string, I18nText>;

/** Labels of the conclusion form's list fields and of its analysis editor (client/review). */
export const FORM_LABELS = {
  experts: {
    ru: 'Эксперты (по одному в строке: ФИО, организация)',
    ky: 'Эксперттер (ар бир сапка бирден: аты-жөнү, уюму)',
    en: 'Experts (one per line: name, affiliation)',
  },
  otherSignatories: {
    ru: 'Другие подписанты (по одному в строке: должность — ФИО)',
    ky: 'Башка кол коюучулар (ар бир сапка бирден: кызматы — аты-жөнү)',
    en: 'Other signatories (one per line: position — name)',
  },
  annexes: {
    ru: 'Приложения (по одному в строке)',
    ky: 'Тиркемелер (ар бир сапка бирден)',
    en: 'Annexes (one per line)',
  },
  analysisHint: {
    ru: 'Текст по каждому критерию составлен из ответов экспертов и подтверждённых замечаний. Измените его, чтобы закрепить свою редакцию; очистите поле, чтобы он снова составлялся автоматически.',
    ky: 'Ар бир критерий боюнча текст эксперттердин жоопторунан жана ырасталган сын-пикирлерден түзүлгөн. Өз редакцияңызды бекитүү үчүн аны өзгөртүңүз; кайра автоматтык түрдө түзүлүшү үчүн талааны тазалаңыз.',
    en: "Each criterion's text is composed from the experts' answers and the confirmed findings. Edit it to keep your own wording; clear the field to have it composed again.",
  },
  prefilled: { ru: 'составлено автоматически', ky: 'автоматтык түрдө түзүлдү', en: 'composed automatically' },
} satisfies Record<string, I18nText>;
