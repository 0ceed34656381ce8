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

/** `{act}` is the draft in the genitive with its kind and title (act-title.ts): «Закона Кыргызской Республики «О …»», «Семейного кодекса Кыргызской Республики». */
export const CONCLUSION_TITLE: I18nText = {
  ru: 'Заключение по результатам гендерной экспертизы проекта {act}',
  ky: '{act} долбооруна гендердик экспертизанын корутундусу',
  en: 'Conclusion on the results of the gender expertise of the draft {act}',
};

export const TABLE_TITLE: I18nText = {
  ru: 'Сравнительная таблица к проекту {act}',
  ky: '{act} долбооруна салыштырма таблица',
  en: 'Comparative table to the draft {act}',
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

/** The numbered sections of the conclusion's body, in order: the verdict comes early, the table is annexed. */
export const SECTION_IDS = ['general', 'verdict', 'readings', 'summary', 'relevance', 'analysis', 'proposals', 'recommendations', 'table'] as const;
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
  proposals: { ru: 'Предложения к тексту проекта', ky: 'Долбоордун текстине сунуштар', en: 'Proposals on the text of the draft' },
  /** The comparative table's heading where it stands alone (the table-only download). */
  table: {
    ru: 'Сравнительная таблица замечаний и предложений',
    ky: 'Сын-пикирлердин жана сунуштардын салыштырма таблицасы',
    en: 'Comparative table of findings and proposals',
  },
  verdict: { ru: 'Вывод', ky: 'Жыйынтык', en: 'Verdict' },
  /** On a later reading (later-reading.ts): which earlier recommendations were adopted and which stand. */
  readings: { ru: 'Учёт ранее данных рекомендаций', ky: 'Мурда берилген сунуштамалардын эске алынышы', en: 'Earlier recommendations and their fate' },
  recommendations: { ru: 'Рекомендации', ky: 'Сунуштамалар', en: 'Recommendations' },
};

export const FIELD_LABELS = {
  outgoing: { ru: 'Исх. № {number} от {date}', ky: 'Чыгуучу № {number}, {date}', en: 'Ref. No. {number} of {date}' },
  /** The committee's request letter this conclusion answers. */
  request: { ru: 'На № {number} от {date}', ky: '{date} № {number} катка жооп', en: 'Re: your letter No. {number} of {date}' },
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

export const TABLE_HEADERS: Readonly<Record<'number' | 'unit' | 'draft' | 'current' | 'proposedAlliance' | 'proposed' | 'justification', I18nText>> = {
  number: { ru: '№', ky: '№', en: 'No.' },
  unit: {
    ru: 'Структурная единица (ст., ч., п., пп.)',
    ky: 'Түзүмдүк бирдик (берене, бөлүк, пункт, пунктча)',
    en: 'Structural unit (art., part, item, sub-item)',
  },
  draft: { ru: 'Редакция проекта', ky: 'Долбоордун редакциясы', en: 'Text of the draft' },
  current: { ru: 'Действующая редакция', ky: 'Колдонуудагы редакция', en: 'Current wording' },
  proposedAlliance: { ru: 'Предлагаемая редакция Альянса', ky: 'Альянс сунуштаган редакция', en: 'Wording proposed by the Alliance' },
  proposed: { ru: 'Предлагаемая редакция', ky: 'Сунушталган редакция', en: 'Proposed wording' },
  justification: {
    ru: 'Обоснование (критерий, правовая основа)',
    ky: 'Негиздеме (критерий, укуктук негиз)',
    en: 'Justification (criterion, legal basis)',
  },
};

export const TABLE_TEXTS = {
  /** The committee form: a unit the act does not have yet (current wording) or will not have (the draft's). */
  noCurrent: { ru: '—', ky: '—', en: '—' },
  noFindings: {
    ru: 'Замечаний к тексту проекта не выявлено.',
    ky: 'Долбоордун текстине сын-пикирлер аныкталган жок.',
    en: 'No findings on the text of the draft.',
  },
  noWording: { ru: '—', ky: '—', en: '—' },
  /** A unit no longer in the current text: named by the words the finding quoted. */
  unknownClause: {
    ru: 'фрагмент «{quote}», отсутствующий в текущей редакции',
    ky: 'учурдагы редакцияда жок «{quote}» фрагменти',
    en: 'fragment “{quote}”, absent from the current text',
  },
  unknownClauseNoQuote: {
    ru: 'фрагмент, отсутствующий в текущей редакции',
    ky: 'учурдагы редакцияда жок фрагмент',
    en: 'fragment absent from the current text',
  },
  /** A criterion and the reasoning under it, in the justification column. */
  reasoning: { ru: '{criterion}: {text}', ky: '{criterion}: {text}', en: '{criterion}: {text}' },
  /** Shown in the preview only: the export refuses a finding without reasoning (validate.ts). */
  noReasoning: { ru: 'обоснование не указано', ky: 'негиздеме көрсөтүлгөн эмес', en: 'no reasoning given' },
} satisfies Record<string, I18nText>;

/** How legal and methodological sources are introduced and joined (citations.ts). */
export const CITATION_TEXTS = {
  legal: { ru: 'Правовая основа: {basis}', ky: 'Укуктук негиз: {basis}', en: 'Legal basis: {basis}' },
  methodology: { ru: 'Методическая основа: {basis}', ky: 'Методикалык негиз: {basis}', en: 'Methodology: {basis}' },
  step: { ru: 'шаг {n}', ky: '{n}-кадам', en: 'step {n}' },
  and: { ru: 'и', ky: 'жана', en: 'and' },
} satisfies Record<string, I18nText>;

/**
 * The composed analysis of a criterion (analysis.ts): statements only — what was reviewed, what was
 * found and why, as the experts and the secretary stated it. No tallies, no codes, no questions.
 */
export const ANALYSIS_TEXTS = {
  reviewed: {
    ru: 'Проект рассмотрен экспертами на соответствие данному критерию.',
    ky: 'Долбоор эксперттер тарабынан ушул критерийге шайкештиги боюнча каралды.',
    en: 'The experts reviewed the draft against this criterion.',
  },
  notApplicable: {
    ru: 'По оценке экспертов, критерий к проекту неприменим.',
    ky: 'Эксперттердин баасы боюнча, критерий долбоорго колдонулбайт.',
    en: 'In the experts’ assessment, the criterion does not apply to the draft.',
  },
  findings: {
    ru: 'Выявлены нормы, требующие изменения (приложение 1): {clauses}.',
    ky: 'Өзгөртүүнү талап кылган ченемдер аныкталды (1-тиркеме): {clauses}.',
    en: 'Provisions requiring changes were found (Annex 1): {clauses}.',
  },
  positives: {
    ru: 'Положительно оценены нормы: {clauses}.',
    ky: 'Оң бааланган ченемдер: {clauses}.',
    en: 'Provisions assessed as good practice: {clauses}.',
  },
  /** A finding's line in the analysis: its unit, its severity, the reasoning. */
  finding: { ru: '{clause} ({severity}): {text}', ky: '{clause} ({severity}): {text}', en: '{clause} ({severity}): {text}' },
  positive: { ru: '{clause}: {text}', ky: '{clause}: {text}', en: '{clause}: {text}' },
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
  /** After the assessed criteria: the ones nobody assessed, by name. */
  notAssessedList: {
    ru: 'Не оценивались критерии: {criteria}.',
    ky: 'Төмөнкү критерийлер боюнча баа берилген жок: {criteria}.',
    en: 'Criteria not assessed: {criteria}.',
  },
  /** The title of findings and texts under a criterion the checklist does not know. */
  otherCriterion: { ru: 'Иные вопросы', ky: 'Башка маселелер', en: 'Other issues' },
} satisfies Record<string, I18nText>;

/** The proposals section: where the comparative table is, or that there is nothing to change. */
export const PROPOSAL_TEXTS = {
  annexed: {
    ru: 'Предложения по изменению структурных единиц проекта ({count}) с обоснованием приведены в сравнительной таблице (приложение 1 к настоящему заключению).',
    ky: 'Долбоордун түзүмдүк бирдиктерин ({count}) өзгөртүү боюнча сунуштар негиздемеси менен салыштырма таблицада келтирилди (ушул корутундунун 1-тиркемеси).',
    en: 'Proposals to change structural units of the draft ({count}), with their justification, are set out in the comparative table (Annex 1 to this conclusion).',
  },
} satisfies Record<string, I18nText>;

/** The annexes: the list before the signatures, and the heading of the annexed table. */
export const ANNEX_TEXTS = {
  /** «Приложение:» before one annex, «Приложения:» before several. */
  one: { ru: 'Приложение:', ky: 'Тиркеме:', en: 'Annex:' },
  many: { ru: 'Приложения:', ky: 'Тиркемелер:', en: 'Annexes:' },
  /** The comparative table in the list; `{sheets}` is its number of pages, a field Word and LibreOffice count. */
  table: {
    ru: 'Сравнительная таблица к проекту на {sheets} л.',
    ky: 'Долбоорго салыштырма таблица, {sheets} барак.',
    en: 'Comparative table to the draft, {sheets} p.',
  },
  /** Above the annexed table, right-aligned. */
  heading: {
    ru: 'Приложение 1 к заключению № {number} от {date}',
    ky: '{date} № {number} корутундуга 1-тиркеме',
    en: 'Annex 1 to Conclusion No. {number} of {date}',
  },
} satisfies Record<string, I18nText>;

/** What keeps a conclusion from going out besides an empty required field (validate.ts). */
export const PROBLEM_LABELS = {
  badDate: { ru: '{field}: такой даты нет ({value})', ky: '{field}: мындай күн жок ({value})', en: '{field}: not a real date ({value})' },
  requestDate: { ru: 'дата письма комитета', ky: 'комитеттин катынын күнү', en: "date of the committee's letter" },
  periodFrom: { ru: 'начало срока экспертизы', ky: 'экспертизанын башталган күнү', en: 'start of the expertise' },
  periodTo: { ru: 'окончание срока экспертизы', ky: 'экспертизанын аяктаган күнү', en: 'end of the expertise' },
  /** A confirmed finding nobody gave reasoning for, named by its unit. */
  reasoning: { ru: '{clause}: обоснование', ky: '{clause}: негиздеме', en: '{clause}: reasoning' },
  /** The same findings in the refusal's one sentence. */
  reasoningGroup: { ru: 'обоснование замечаний к нормам: {clauses}', ky: 'ченемдерге сын-пикирлердин негиздемеси: {clauses}', en: 'reasoning of the findings on {clauses}' },
  assessment: {
    ru: 'анализ по критериям: проект не оценён ни по одному критерию — вывод о соответствии невозможен',
    ky: 'критерийлер боюнча талдоо: долбоор бир дагы критерий боюнча бааланган жок — шайкештик жөнүндө жыйынтык чыгарууга болбойт',
    en: 'analysis by criteria: the draft was not assessed against any criterion, so it cannot be found to comply',
  },
} satisfies Record<string, I18nText>;

/** The typed texts in another language than the export (typed-language.ts), for the secretary before she sends it. */
export const LANGUAGE_NOTES = {
  heading: {
    ru: 'Эти тексты набраны не на языке выгрузки — переведите их перед отправкой:',
    ky: 'Бул тексттер жүктөөнүн тилинде терилген эмес — жөнөтүүдөн мурун которуңуз:',
    en: 'These texts are not in the language of the export — translate them before sending:',
  },
  committee: { ru: 'Комитет-адресат', ky: 'Кайрылуучу комитет', en: 'Addressee committee' },
  chair: { ru: 'Председатель комитета', ky: 'Комитеттин төрагасы', en: 'Chair of the committee' },
  analysis: { ru: 'Анализ по критерию «{criterion}»', ky: '«{criterion}» критерийи боюнча талдоо', en: 'Analysis under “{criterion}”' },
  position: { ru: 'Должность подписанта', ky: 'Кол коюучунун кызматы', en: "Signatory's position" },
  annex: { ru: 'Приложение', ky: 'Тиркеме', en: 'Annex' },
  reasoning: { ru: 'Обоснование: {clause}', ky: 'Негиздеме: {clause}', en: 'Reasoning: {clause}' },
  typedInRu: { ru: '{field} — текст на русском языке', ky: '{field} — текст орус тилинде', en: '{field} — text in Russian' },
  typedInKy: { ru: '{field} — текст на кыргызском языке', ky: '{field} — текст кыргыз тилинде', en: '{field} — text in Kyrgyz' },
  typedInEn: { ru: '{field} — текст на английском языке', ky: '{field} — текст англис тилинде', en: '{field} — text in English' },
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
    en: 'The draft complies with the principles of gender equality subject to the findings and recommendations set out in this conclusion.',
  },
  does_not_comply: {
    ru: 'Проект не соответствует принципам гендерного равенства и подлежит доработке.',
    ky: 'Долбоор гендердик теңдик принциптерине шайкеш келбейт жана кайра иштеп чыгууга жатат.',
    en: 'The draft does not comply with the principles of gender equality and must be revised.',
  },
};

export const SIGNATURE_TEXTS = {
  signatureLine: { ru: '_______________', ky: '_______________', en: '_______________' },
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
