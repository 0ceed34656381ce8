import type { ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { ConclusionFields, ReviewModel } from '../review-model';
import { buildCriteriaAnalysis } from './analysis';
import type { ConclusionCriterion } from './criteria';
import type { ConclusionDocument, ConclusionSection, LabelledValue } from './document';
import { displayDate } from './dates';
import { normaliseFields } from './fields';
import { cleanLine, paragraphsOf } from './sanitize';
import {
  CONCLUSION_TITLE,
  DOCUMENT_LANGUAGE,
  FIELD_LABELS,
  ISSUER,
  PAGE_LABEL,
  SECTION_TITLES,
  SIGNATURE_TEXTS,
  TABLE_TITLE,
  VERDICT_TEXTS,
  type SectionId,
} from './strings';
import { buildComparativeTable } from './table';

export interface BuildOptions {
  lang: Lang;
  /** The checklist's criteria with resolved legal-basis titles; C1–C17 (docs/checklists.md) otherwise. */
  criteria?: readonly ConclusionCriterion[];
}

/**
 * The fields as the conclusion uses them: what the secretary typed, with the draft's title taken from
 * the import when she has not typed one (validation runs on these, so an imported title suffices), and
 * every value of the wrong shape taken as empty (fields.ts).
 */
export function effectiveFields(stored: Partial<ConclusionFields>, tree: ClauseTree): Partial<ConclusionFields> {
  const fields = normaliseFields(stored);
  const draftTitle = cleanLine(fields.draftTitle) || cleanLine(tree.meta.title);
  return { ...fields, draftTitle };
}

/** The title inside «…»: quotes the secretary typed around it would otherwise double up. */
function bareTitle(title: string): string {
  return title.replace(/^[«"“„']+/, '').replace(/[»"”“']+$/, '').trim();
}

export function conclusionTitle(draftTitle: string, lang: Lang): string {
  return format(CONCLUSION_TITLE[lang], { title: bareTitle(draftTitle) });
}

export function tableTitle(draftTitle: string, lang: Lang): string {
  return format(TABLE_TITLE[lang], { title: bareTitle(draftTitle) });
}

/** Numbers headings in the order sections are added; empty optional sections are never added. */
class SectionList {
  readonly sections: ConclusionSection[] = [];
  constructor(private readonly lang: Lang) {}
  heading(id: SectionId): string {
    return `${this.sections.length + 1}. ${SECTION_TITLES[id][this.lang]}`;
  }
  add(section: ConclusionSection): void {
    this.sections.push(section);
  }
}

function generalInformation(fields: Partial<ConclusionFields>, lang: Lang): LabelledValue[] {
  const value = (text: string | undefined) => {
    const paragraphs = paragraphsOf(text);
    return paragraphs.length ? paragraphs : [FIELD_LABELS.notSpecified[lang]];
  };
  const experts = (fields.experts ?? [])
    .map((e) => cleanLine([e?.name, e?.affiliation].map((p) => cleanLine(p)).filter(Boolean).join(', ')))
    .filter(Boolean);
  const from = displayDate(fields.periodFrom, lang);
  const to = displayDate(fields.periodTo, lang);
  return [
    { label: FIELD_LABELS.draftTitle[lang], value: value(fields.draftTitle) },
    { label: FIELD_LABELS.initiator[lang], value: value(fields.initiator) },
    { label: FIELD_LABELS.registration[lang], value: value(fields.registrationNumber) },
    { label: FIELD_LABELS.reading[lang], value: value(fields.reading) },
    { label: FIELD_LABELS.basis[lang], value: value(fields.basis) },
    { label: FIELD_LABELS.experts[lang], value: experts.length ? experts : [FIELD_LABELS.notSpecified[lang]] },
    {
      label: FIELD_LABELS.period[lang],
      value: from || to ? [format(FIELD_LABELS.periodRange[lang], { from: from || '…', to: to || '…' })] : [FIELD_LABELS.notSpecified[lang]],
    },
  ];
}

/**
 * The whole conclusion (docs/conclusion.md) in one language: header, title, general information, summary,
 * gender relevance, analysis by criteria, comparative table of confirmed findings, verdict,
 * recommendations, signatures, annexes. Pure: the server builds DOCX from it, the browser previews it.
 */
export function buildConclusion(model: ReviewModel, tree: ClauseTree, options: BuildOptions): ConclusionDocument {
  const { lang } = options;
  const fields = effectiveFields(model.conclusion, tree);
  const list = new SectionList(lang);

  list.add({ kind: 'fields', id: 'general', heading: list.heading('general'), fields: generalInformation(fields, lang) });
  for (const id of ['summary', 'relevance'] as const) {
    const paragraphs = paragraphsOf(id === 'summary' ? fields.summary : fields.genderRelevance);
    if (paragraphs.length) list.add({ kind: 'text', id, heading: list.heading(id), paragraphs });
  }
  list.add({
    kind: 'criteria',
    id: 'analysis',
    heading: list.heading('analysis'),
    criteria: buildCriteriaAnalysis({
      findings: model.findings,
      answers: model.answers,
      written: fields.criteriaAnalysis ?? {},
      tree,
      criteria: options.criteria,
      lang,
    }),
  });
  list.add({
    kind: 'table',
    id: 'table',
    heading: list.heading('table'),
    table: buildComparativeTable(model.findings, tree, options.criteria ?? [], lang),
  });
  if (fields.verdict)
    list.add({ kind: 'text', id: 'verdict', heading: list.heading('verdict'), paragraphs: [VERDICT_TEXTS[fields.verdict][lang]] });
  const recommendations = paragraphsOf(fields.recommendations);
  if (recommendations.length)
    list.add({ kind: 'text', id: 'recommendations', heading: list.heading('recommendations'), paragraphs: recommendations });
  list.add({
    kind: 'signatures',
    id: 'signatures',
    heading: list.heading('signatures'),
    signatories: (fields.signatories ?? [])
      .map((s) => ({ name: cleanLine(s?.name), position: cleanLine(s?.position) }))
      .filter((s) => s.name.length > 0),
    signatureLine: SIGNATURE_TEXTS.signatureLine[lang],
    date: cleanLine(fields.outgoingDate) ? format(SIGNATURE_TEXTS.date[lang], { date: displayDate(fields.outgoingDate, lang) }) : null,
  });
  const annexes = (fields.annexes ?? []).map((a) => cleanLine(a)).filter(Boolean);
  if (annexes.length) list.add({ kind: 'list', id: 'annexes', heading: list.heading('annexes'), items: annexes });

  const number = cleanLine(fields.outgoingNumber);
  const date = displayDate(fields.outgoingDate, lang);
  return {
    ...frame(lang),
    outgoing: number || date ? format(FIELD_LABELS.outgoing[lang], { number: number || '…', date: date || '…' }) : null,
    addressee: [cleanLine(fields.addressee?.committee), cleanLine(fields.addressee?.chair)].filter(Boolean),
    title: conclusionTitle(fields.draftTitle ?? '', lang),
    sections: list.sections,
  };
}

/** The comparative table on its own, as committees ask for it: same rows, same order, own title. */
export function buildComparativeTableDocument(model: ReviewModel, tree: ClauseTree, options: BuildOptions): ConclusionDocument {
  const { lang } = options;
  const fields = effectiveFields(model.conclusion, tree);
  return {
    ...frame(lang),
    outgoing: null,
    addressee: [],
    title: tableTitle(fields.draftTitle ?? '', lang),
    sections: [
      {
        kind: 'table',
        id: 'table',
        heading: '',
        table: buildComparativeTable(model.findings, tree, options.criteria ?? [], lang),
      },
    ],
  };
}

function frame(lang: Lang) {
  return {
    lang,
    languageTag: DOCUMENT_LANGUAGE[lang],
    pageLabel: PAGE_LABEL[lang],
    issuer: { name: ISSUER.name[lang], secretariat: ISSUER.secretariat[lang] },
  };
}
