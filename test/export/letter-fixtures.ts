import type { ActKind, Clause, ClauseTree } from '../../shared/clause';
import type { ClauseId } from '../../shared/ids';
import type { ConclusionFields, MergedFinding, ReviewModel } from '../../shared/review-model';
import { finding } from './fixtures';

/**
 * A review as a committee clerk receives its conclusion: a Family Code draft (numbered articles and
 * parts, as the import gives them), 25 confirmed findings on 24 units — engine candidates whose explanation is the
 * checklist's question, confirmed with the secretary's justification or an expert's reason; experts'
 * own findings; two findings on the same part with different wordings; a positive note; one finding
 * the secretary marked as good practice — plus dismissed and undecided ones, answers and every field.
 * No typed text holds a question mark; the Latin words typed are listed (LATIN_TYPED).
 */

const AT = Date.UTC(2026, 10, 19, 10, 0, 0);

const PARTS = [
  'Супруги пользуются равными правами и несут равные обязанности в семье.',
  'Мать осуществляет уход за ребёнком до достижения им трёх лет, а отец обеспечивает семью.',
  'Брачный возраст устанавливается для мужчин в восемнадцать лет, для женщин в семнадцать лет.',
];

/** Articles 1–30, each with a heading and three parts; labels as the import writes them in Russian. */
export function familyCodeTree(kind: ActKind = 'code', title = 'СЕМЕЙНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ'): ClauseTree {
  const articles: Clause[] = Array.from({ length: 30 }, (_, a) => {
    const n = a + 1;
    return {
      id: `art${n}` as ClauseId,
      kind: 'article',
      number: String(n),
      label: `Статья ${n}`,
      title: `Положение ${n}`,
      text: `Статья ${n}. Положение ${n}`,
      children: PARTS.map((text, p) => ({
        id: `art${n}.p${p + 1}` as ClauseId,
        kind: 'part' as const,
        number: String(p + 1),
        label: `Статья ${n}, часть ${p + 1}`,
        text: `${p + 1}. ${text}`,
        children: [],
      })),
    };
  });
  return {
    meta: { language: 'ru', actKind: kind, title, date: null, number: null, isDraft: true },
    clauses: [{ id: 'h' as ClauseId, kind: 'header', number: null, label: 'Заголовок', text: title, children: [] }, ...articles],
  };
}

/** The checklist's question, as an engine candidate carries it: never to be printed as reasoning. */
const QUESTION = {
  ru: 'Не закрепляет ли норма роль только за одним полом? Нужна ли нейтральная формулировка?',
  ky: 'Ченем ролду бир жынышка гана бекитпейби? Бейтарап түзүү керекпи?',
  en: 'Does the norm assign the role to one sex only? Should it be worded neutrally?',
};

const CRITERIA = ['C1', 'C2', 'C3', 'C5', 'C8', 'C9', 'C10', 'C11', 'C12', 'C16'];

const quoteOf = (part: number) =>
  part === 2
    ? { exact: 'Мать осуществляет уход', prefix: '', suffix: ' за ребёнком' }
    : part === 3
      ? { exact: 'для женщин в семнадцать лет', prefix: 'восемнадцать лет, ', suffix: '.' }
      : { exact: 'равными правами', prefix: 'пользуются ', suffix: ' и несут' };

const wordingOf = (part: number) => (part === 2 ? 'Родители осуществляют уход' : part === 3 ? 'для женщин в восемнадцать лет' : 'равными правами и равными возможностями');

/** Where each of the 22 ordinary confirmed findings sits: article and part (articles 2–23). */
const SPOTS: Array<[number, number]> = Array.from({ length: 22 }, (_, i) => [i + 2, (i % 3) + 1]);

export const LATIN_TYPED = ['CEDAW'];

export function letterFields(): ConclusionFields & Required<Pick<ConclusionFields, 'requestLetter' | 'goodPractice'>> {
  return {
    addressee: { committee: 'Комитет Жогорку Кенеша Кыргызской Республики по социальной политике', chair: 'А. Т. Асанова' },
    outgoingNumber: '17/ГЭ',
    outgoingDate: '2026-11-20',
    requestLetter: { number: '04-12/345', date: '2026-11-01' },
    basis: 'Письмо комитета от 1 ноября 2026 года.',
    draftTitle: '',
    initiator: 'Кабинет Министров Кыргызской Республики',
    registrationNumber: '6-12345/26',
    reading: 'первое чтение',
    experts: [{ name: 'Айгуль Токтосунова', affiliation: 'АЖЗИ' }, { name: 'Бермет Исаева' }],
    periodFrom: '2026-11-02',
    periodTo: '2026-11-19',
    summary: 'Проект излагает Семейный кодекс в новой редакции.',
    genderRelevance: 'Целевые группы: супруги, родители, дети.',
    criteriaAnalysis: {},
    verdict: 'complies_with_recommendations',
    recommendations: 'Изложить нормы о родителях нейтрально.\nУравнять брачный возраст.',
    signatories: [
      { name: 'Н. Абдылдаева', position: 'Координатор Альянса' },
      { name: 'Ж. Осмонова', position: 'Руководитель секретариата' },
    ],
    annexes: ['Сравнительная таблица', 'Справка по гендерной статистике на 2 л.'],
    goodPractice: ['good-practice'],
  };
}

/** The 25-finding review over familyCodeTree(). */
export function letterReview(): ReviewModel {
  const findings: MergedFinding[] = SPOTS.map(([article, part], i) => {
    const id = `lf-${String(i + 1).padStart(2, '0')}`;
    const clauseId = `art${article}.p${part}`;
    const criterionId = CRITERIA[i % CRITERIA.length]!;
    const final = { targetId: id, decision: 'confirmed' as const, at: AT + i };
    if (i % 3 === 0)
      return finding({
        id,
        clauseId,
        criterionId,
        origin: 'expert',
        authorId: 'u-expert',
        quote: quoteOf(part),
        explanation: `Норма статьи ${article} ставит женщин и мужчин в неравное положение.`,
        proposedWording: wordingOf(part),
        final,
      });
    return finding({
      id,
      clauseId,
      criterionId,
      quote: quoteOf(part),
      explanation: QUESTION,
      suggestedWording: { ru: wordingOf(part), ky: wordingOf(part), en: wordingOf(part) },
      verdicts: i % 3 === 1 ? [{ targetId: id, authorId: 'u-expert', decision: 'confirm', reason: `Норма статьи ${article} закрепляет гендерный стереотип.`, at: AT }] : [],
      final: i % 3 === 2 ? { ...final, justification: `Различие по признаку пола в статье ${article} не обосновано, см. CEDAW.` } : final,
    });
  });
  // A second finding on «Статья 15, часть 2», its wording for the same words: the later decision wins.
  findings.push(
    finding({
      id: 'same-unit-later',
      clauseId: 'art15.p2',
      criterionId: 'C8',
      origin: 'expert',
      authorId: 'u-expert2',
      quote: quoteOf(2),
      explanation: 'Уход за ребёнком возлагается только на мать.',
      proposedWording: 'Каждый из родителей осуществляет уход',
      final: { targetId: 'same-unit-later', decision: 'confirmed', at: AT + 100 },
    }),
  );
  // A positive note of the engine and a finding the secretary marks as good practice: not proposals.
  findings.push(
    finding({
      id: 'positive-note',
      clauseId: 'art1.p1',
      criterionId: 'C1',
      polarity: 'positive',
      quote: quoteOf(1),
      explanation: { ru: 'Закреплено ли равенство супругов?', ky: 'Жубайлардын теңдиги бекитилгенби?', en: 'Is the equality of spouses set out?' },
      final: { targetId: 'positive-note', decision: 'confirmed', justification: 'Норма прямо закрепляет равенство супругов.', at: AT },
    }),
    finding({
      id: 'good-practice',
      clauseId: 'art30.p1',
      criterionId: 'C2',
      origin: 'expert',
      authorId: 'u-expert',
      quote: quoteOf(1),
      explanation: 'Норма служит образцом нейтральной формулировки.',
      final: { targetId: 'good-practice', decision: 'confirmed', at: AT },
    }),
  );
  findings.push(
    finding({ id: 'dismissed', clauseId: 'art25.p1', criterionId: 'C10', explanation: 'ОТКЛОНЁННОЕ-ЗАМЕЧАНИЕ', final: { targetId: 'dismissed', decision: 'dismissed', at: AT } }),
    finding({ id: 'undecided', clauseId: 'art26.p2', criterionId: 'C8', explanation: 'НЕРЕШЁННОЕ-ЗАМЕЧАНИЕ' }),
  );
  return {
    reviewId: 'r-letter',
    findings,
    comments: [],
    answers: [
      { criterionId: 'C12', questionId: 'C12.q1', authorId: 'u-expert', value: 'no', note: 'Статистика в разбивке по полу не предусмотрена.', at: AT },
      { criterionId: 'C6', questionId: 'C6.q1', authorId: 'u-expert', value: 'na', at: AT },
    ],
    conclusion: letterFields(),
  };
}

/** Every text people typed into the review: what a document may carry besides its fixed words. */
export function typedTexts(model: ReviewModel): string[] {
  const fields = model.conclusion;
  const out: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  for (const [key, value] of Object.entries(fields)) if (key !== 'verdict' && key !== 'goodPractice') add(value);
  for (const f of model.findings) {
    if (typeof f.explanation === 'string') out.push(f.explanation);
    add([f.final?.justification, f.final?.wording, f.proposedWording, f.quote.exact, f.verdicts.map((v) => [v.reason, v.wording])]);
  }
  for (const a of model.answers) add(a.note);
  return out;
}
