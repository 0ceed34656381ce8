import type { ActKind, Clause, ClauseKind, ClauseTree } from '../../shared/clause';
import type { ClauseId } from '../../shared/ids';
import type { Lang } from '../../shared/i18n/lang';
import type { Morphology } from '../../shared/checklist/morphology';
import { checklistSchema, type ChecklistData } from '../../shared/checklist/format';

/**
 * A tiny Russian "dictionary" for engine tests, so they run without az: lemma → forms. Real az is
 * tested separately; here the engine's own logic is under test.
 */
const FORMS: Record<string, string[]> = {
  женщина: ['женщина', 'женщины', 'женщине', 'женщину', 'женщиной', 'женщин', 'женщинам', 'женщинами', 'женщинах'],
  мужчина: ['мужчина', 'мужчины', 'мужчине', 'мужчин', 'мужчинам'],
  мать: ['мать', 'матери', 'матерью', 'матерей', 'матерям'],
  отец: ['отец', 'отца', 'отцу', 'отцом', 'отцы', 'отцов', 'отцам'],
  ребенок: ['ребенок', 'ребенка', 'ребенку', 'дети', 'детей', 'детям', 'детьми'],
  запрещаться: ['запрещаться', 'запрещается', 'запрещаются'],
  труд: ['труд', 'труда', 'труду', 'трудом'],
  беременный: ['беременный', 'беременная', 'беременной', 'беременных', 'беременным'],
  особый: ['особый', 'особая', 'особой', 'особую'],
  забота: ['забота', 'заботы', 'заботой', 'заботу'],
  государство: ['государство', 'государства', 'государством'],
  состав: ['состав', 'состава', 'составе'],
  комиссия: ['комиссия', 'комиссии', 'комиссию'],
  лицо: ['лицо', 'лица', 'лиц', 'лицам'],
  один: ['один', 'одного', 'одной', 'одному'],
  пол: ['пол', 'пола', 'полу'],
  статья: ['статья', 'статьи'],
};
const LEMMA_OF = new Map<string, string[]>();
for (const [lemma, forms] of Object.entries(FORMS))
  for (const form of forms) LEMMA_OF.set(form, [...(LEMMA_OF.get(form) ?? []), lemma]);

export const fakeRussian: Morphology = {
  lemmas: (word) => LEMMA_OF.get(word) ?? [],
  forms: (lemma) => FORMS[lemma] ?? [],
  isLemma: (word) => word in FORMS,
};

/** Kyrgyz stems for tests: a word maps to itself and to listed stems. */
const KY: Record<string, string[]> = { аялдардын: ['аялдар', 'аял'], аялга: ['аял'], энеге: ['эне'], атага: ['ата'] };
export const fakeKyrgyz: Morphology = { lemmas: (word) => KY[word] ?? [] };

const i18n = (text: string) => ({ ru: `${text} (ru)`, ky: `${text} (ky)`, en: `${text} (en)` });

/** A valid checklist in data form; tests override parts of it. */
export function checklistData(detectors: unknown[], extra: Record<string, unknown> = {}): ChecklistData {
  return checklistSchema.parse({
    schemaVersion: 1,
    id: 'test-list',
    version: '1.0',
    title: i18n('Test'),
    sources: [{ id: 'cedaw', title: i18n('CEDAW') }],
    pairs: [
      { lang: 'ru', words: ['мать', 'отец'] },
      { lang: 'ru', words: ['женщина', 'мужчина'] },
      { lang: 'ky', words: ['эне', 'ата'] },
    ],
    criteria: [
      {
        id: 'C9',
        title: i18n('Protective norms'),
        guidance: i18n('Guidance'),
        severity: 'violation',
        questions: [{ id: 'q1', text: i18n('Question') }],
        legalBasis: [{ source: 'cedaw', article: '11' }],
        detectors,
      },
    ],
    ...extra,
  });
}

/** A detector with harmless defaults (examples that the tests' detectors satisfy are given per test). */
export function detector(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'd1',
    lang: 'ru',
    question: i18n('Is it a ban?'),
    examples: { flag: ['x'], pass: ['y'] },
    ...fields,
  };
}

let counter = 0;
export function clause(text: string, fields: Partial<Clause> = {}): Clause {
  return {
    id: (fields.id ?? `c${++counter}`) as ClauseId,
    kind: (fields.kind ?? 'part') as ClauseKind,
    number: null,
    label: '',
    text,
    children: [],
    ...fields,
  };
}

export function tree(clauses: Clause[], language: Lang = 'ru', actKind: ActKind = 'law'): ClauseTree {
  return { meta: { language, actKind, title: null, date: null, number: null, isDraft: true }, clauses };
}
