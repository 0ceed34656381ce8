import { unzipSync, strFromU8 } from 'fflate';
import type { Clause, ClauseTree } from '../../shared/clause';
import type { ClauseId } from '../../shared/ids';
import type { ConclusionFields, MergedFinding, ReviewModel } from '../../shared/review-model';

/** A small Russian draft with articles and parts; labels as the structure parser gives them. */
export function draftTree(): ClauseTree {
  const clause = (id: string, kind: Clause['kind'], label: string, text: string, children: Clause[] = []): Clause => ({
    id: id as ClauseId,
    kind,
    number: null,
    label,
    text,
    children,
  });
  return {
    meta: { language: 'ru', actKind: 'law', title: 'О государственных пособиях семьям с детьми', date: null, number: null, isDraft: true },
    clauses: [
      clause('h', 'header', '', 'ПРОЕКТ ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ'),
      clause('a1', 'article', 'Статья 1', 'Статья 1. Основные понятия', [
        clause('a1.p1', 'part', 'Статья 1, часть 1', '1. Пособие назначается матери, воспитывающей ребёнка до трёх лет.'),
        clause('a1.p2', 'part', 'Статья 1, часть 2', '2. Отцы, воспитывающие детей без матери, имеют право на пособие.'),
      ]),
      clause('a2', 'article', 'Статья 2', 'Статья 2. Порядок назначения', [
        clause('a2.p1', 'part', 'Статья 2, часть 1', '1. Решение принимает уполномоченный работник органа социальной защиты.'),
        clause('a2.p2', 'part', 'Статья 2, часть 2', '2. Сведения о получателях собираются без разбивки по полу.'),
      ]),
      clause('a12-1', 'article', 'Статья 12-1', 'Статья 12-1. Запрет труда женщин на ночных работах'),
    ],
  };
}

let seq = 0;
export function finding(partial: Partial<MergedFinding> & Pick<MergedFinding, 'clauseId' | 'criterionId'>): MergedFinding {
  seq += 1;
  return {
    id: `f-${String(seq).padStart(4, '0')}`,
    origin: 'engine',
    authorId: null,
    quote: { exact: '', prefix: '', suffix: '' },
    severity: 'concern',
    polarity: 'risk',
    explanation: { ru: 'Пояснение', ky: 'Түшүндүрмө', en: 'Explanation' },
    verdicts: [],
    replies: [],
    status: 'open',
    ...partial,
  };
}

export function completeFields(): ConclusionFields {
  return {
    addressee: {
      committee: 'Комитет Жогорку Кенеша Кыргызской Республики по социальной политике',
      chair: 'Председателю комитета Асановой А. А.',
    },
    outgoingNumber: '17/ГЭ',
    outgoingDate: '20.11.2026',
    basis: 'Письмо комитета № 04-12/345 от 01.11.2026; Закон КР № 184 от 04.08.2008',
    draftTitle: 'О государственных пособиях семьям с детьми',
    initiator: 'Кабинет Министров Кыргызской Республики',
    registrationNumber: '6-12345/26',
    reading: 'первое чтение',
    experts: [
      { name: 'Айгуль Токтосунова', affiliation: 'АЖЗИ' },
      { name: 'Бермет Исаева' },
    ],
    periodFrom: '02.11.2026',
    periodTo: '19.11.2026',
    summary: 'Проект регулирует назначение пособий семьям с детьми.\nВводит новые виды пособий.',
    genderRelevance: 'Целевые группы: матери и отцы, опекуны, одинокие родители.',
    criteriaAnalysis: { C8: 'Проект закрепляет роль матери как единственного воспитателя.' },
    verdict: 'complies_with_recommendations',
    recommendations: 'Заменить «мать» на «один из родителей».\nВвести сбор данных в разбивке по полу.',
    signatories: [
      { name: 'Н. Абдылдаева', position: 'Координатор Альянса' },
      { name: 'Ж. Осмонова', position: 'Руководитель секретариата' },
    ],
    annexes: ['Сравнительная таблица', 'Справка по гендерной статистике'],
  };
}

/**
 * A review with every kind of finding: confirmed by the secretary (with and without edited wording),
 * dismissed, confirmed by an expert only (not final). Each confirmed finding has reasoning of its own —
 * the secretary's justification, the expert's explanation, an expert's confirmation reason — since the
 * engine's question is never printed as one (the export refuses a finding without).
 */
export function reviewModel(overrides: Partial<ReviewModel> = {}): ReviewModel {
  const at = Date.UTC(2026, 10, 19, 10, 0, 0);
  return {
    reviewId: 'r-1',
    findings: [
      finding({
        id: 'f-mother',
        clauseId: 'a1.p1',
        criterionId: 'C8.mother-only',
        quote: { exact: 'матери', prefix: 'назначается ', suffix: ', воспитывающей' },
        explanation: { ru: 'Уход за ребёнком закреплён только за матерью.', ky: 'Балага кам көрүү энеге гана жүктөлгөн.', en: 'Childcare is assigned to mothers only.' },
        proposedWording: 'одному из родителей',
        final: { targetId: 'f-mother', decision: 'confirmed', justification: 'Норма закрепляет уход за ребёнком только за матерью.', at },
      }),
      finding({
        id: 'f-night',
        clauseId: 'a12-1',
        criterionId: 'C9',
        origin: 'expert',
        authorId: 'u-expert',
        quote: { exact: 'Запрет труда женщин', prefix: 'Статья 12-1. ', suffix: ' на ночных' },
        explanation: 'Запрет ограничивает доступ женщин к работе.',
        final: {
          targetId: 'f-night',
          decision: 'confirmed',
          wording: 'Статья 12-1. Гарантии работникам с семейными обязанностями на ночных работах',
          justification: 'Патерналистское ограничение, см. CEDAW 2021.',
          at,
        },
      }),
      finding({
        id: 'f-data',
        clauseId: 'a2.p2',
        criterionId: 'C12',
        quote: { exact: 'без разбивки по полу', prefix: 'собираются ', suffix: '.' },
        verdicts: [
          { targetId: 'f-data', authorId: 'u-expert', decision: 'confirm', wording: 'в разбивке по полу', reason: 'Без данных в разбивке по полу последствия нормы не оценить.', at },
        ],
        final: { targetId: 'f-data', decision: 'confirmed', at },
      }),
      finding({
        id: 'f-dismissed',
        clauseId: 'a2.p1',
        criterionId: 'C10',
        quote: { exact: 'уполномоченный работник', prefix: 'принимает ', suffix: ' органа' },
        explanation: 'ОТКЛОНЁННОЕ-ЗАМЕЧАНИЕ',
        proposedWording: 'ОТКЛОНЁННАЯ-РЕДАКЦИЯ',
        final: { targetId: 'f-dismissed', decision: 'dismissed', at },
      }),
      finding({
        id: 'f-not-final',
        clauseId: 'a1.p2',
        criterionId: 'C8',
        quote: { exact: 'без матери', prefix: 'детей ', suffix: ', имеют' },
        explanation: 'НЕРЕШЁННОЕ-ЗАМЕЧАНИЕ',
        verdicts: [{ targetId: 'f-not-final', authorId: 'u-expert', decision: 'confirm', at }],
      }),
    ],
    comments: [],
    answers: [
      { criterionId: 'C12', questionId: 'C12.q1', authorId: 'u-expert', value: 'no', note: 'Статистики нет.', at },
      { criterionId: 'C12', questionId: 'C12.q2', authorId: 'u-expert2', value: 'partly', at },
      { criterionId: 'C6', questionId: 'C6.q1', authorId: 'u-expert', value: 'na', at },
    ],
    conclusion: completeFields(),
    ...overrides,
  };
}

/** The parts of a DOCX as text, by path inside the zip. */
export function docxParts(buffer: Uint8Array): Record<string, string> {
  const files = unzipSync(buffer);
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The visible text of a WordprocessingML part, paragraph by paragraph (w:t only: no deleted text). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join(''),
  );
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * The rows of the comparative table (the first table with a repeated header row; the signatures are a
 * table too, without one), as arrays of cell texts.
 */
export function tableRows(xml: string): Array<{ header: boolean; cells: string[] }> {
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const table = tables.find((t) => t.includes('<w:tblHeader')) ?? tables[0] ?? '';
  return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) => ({
    header: tr[0].includes('<w:tblHeader'),
    cells: [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphTexts(tc[0]).join('\n')),
  }));
}
