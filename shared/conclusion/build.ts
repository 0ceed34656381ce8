import type { ActKind, ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { ConclusionFields, ReviewModel } from '../review-model';
import { actPhrase, ordinaryCase } from './act-title';
import { chairInDative, committeeInDative } from './addressee';
import { buildCriteriaAnalysis, numberCriteria } from './analysis';
import type { ConclusionCriterion } from './criteria';
import type { AnnexItem, AnnexList, ComparativeTable, ConclusionDocument, ConclusionSection, LabelledValue } from './document';
import { displayDate } from './dates';
import { effectiveFields } from './fields';
import { laterReadingSection, readingPhrase, READING_TITLE, type LaterReadingInput } from './later-reading';
import { estimateTablePages } from './page-estimate';
import { cleanLine, paragraphsOf } from './sanitize';
import {
  ANALYSIS_TEXTS,
  ANNEX_TEXTS,
  CONCLUSION_TITLE,
  DOCUMENT_LANGUAGE,
  FIELD_LABELS,
  FILE_NAMES,
  ISSUER,
  PAGE_LABEL,
  PROPOSAL_TEXTS,
  SECTION_TITLES,
  SIGNATURE_TEXTS,
  TABLE_TEXTS,
  TABLE_TITLE,
  VERDICT_TEXTS,
  type SectionId,
} from './strings';
import { buildComparativeTable, type AmendedUnit, type UnitReviser } from './table';

export { effectiveFields } from './fields';

export interface BuildOptions {
  lang: Lang;
  /** The checklist's criteria with resolved legal-basis titles; C1–C17 (docs/checklists.md) otherwise. */
  criteria?: readonly ConclusionCriterion[];
  /**
   * The rule that gives a unit's text under its confirmed wordings. The server passes the working
   * copy's (server/export/agreed-wording.ts), so the table proposes what "Accept all" gives; without it
   * the table takes the wording the secretary decided last on the unit (table.ts latestWording).
   */
  reviseUnit?: UnitReviser;
  /** An amendment law with its base acts attached: the table in the KR committee form (table.ts). */
  amendedUnit?: AmendedUnit;
  /**
   * A conclusion on a later reading (issue 16): its title says which, and a section after the verdict
   * says which earlier recommendations were adopted and which stand (later-reading.ts).
   */
  reading?: LaterReadingInput;
}

/** «Заключение по результатам гендерной экспертизы проекта Семейного кодекса Кыргызской Республики» (… «ко второму чтению» on a later reading). */
export function conclusionTitle(draftTitle: string, lang: Lang, actKind: ActKind = 'law', readingSeq?: number): string {
  const act = actPhrase(actKind, draftTitle, lang);
  if (readingSeq !== undefined && readingSeq >= 2) return format(READING_TITLE[lang], { act, reading: readingPhrase(readingSeq, lang) });
  return format(CONCLUSION_TITLE[lang], { act });
}

export function tableTitle(draftTitle: string, lang: Lang, actKind: ActKind = 'law'): string {
  return format(TABLE_TITLE[lang], { act: actPhrase(actKind, draftTitle, lang) });
}

/** Numbers headings in the order sections are added; empty optional sections are never added. */
class SectionList {
  readonly sections: ConclusionSection[] = [];
  constructor(private readonly lang: Lang) {}
  get next(): number {
    return this.sections.length + 1;
  }
  heading(id: SectionId): string {
    return `${this.next}. ${SECTION_TITLES[id][this.lang]}`;
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
    // An imported title may be printed in capitals («СЕМЕЙНЫЙ КОДЕКС …»): the letter writes it as a name.
    { label: FIELD_LABELS.draftTitle[lang], value: value(ordinaryCase(cleanLine(fields.draftTitle))) },
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

/** A typed annex that names the comparative table: the table is annexed by the conclusion itself. */
function namesTheTable(annex: string): boolean {
  const text = annex.toLocaleLowerCase();
  return Object.values(FILE_NAMES.table).some((name) => text.startsWith(name.toLocaleLowerCase()));
}

function annexList(table: ComparativeTable, typed: readonly string[], lang: Lang): AnnexList | null {
  const items: AnnexItem[] = [];
  if (table.rows.length) items.push({ kind: 'table', template: ANNEX_TEXTS.table[lang], estimatedSheets: estimateTablePages(table) });
  for (const text of typed) if (!(table.rows.length && namesTheTable(text))) items.push({ kind: 'text', text });
  if (items.length === 0) return null;
  return { label: items.length === 1 ? ANNEX_TEXTS.one[lang] : ANNEX_TEXTS.many[lang], items };
}

/**
 * The whole conclusion (docs/conclusion.md) in one language, laid out as an official letter: header,
 * title, general information, the verdict, summary, gender relevance, analysis by criteria (assessed
 * criteria numbered as subsections), where the proposals are, recommendations; the list of annexes and
 * the signatures; the comparative table annexed after them. Pure: the server builds DOCX from it, and
 * the HTML preview renders the very same data.
 */
export function buildConclusion(model: ReviewModel, tree: ClauseTree, options: BuildOptions): ConclusionDocument {
  const { lang } = options;
  const fields = effectiveFields(model.conclusion, tree);
  const list = new SectionList(lang);
  const table = buildComparativeTable(model.findings, tree, {
    criteria: options.criteria ?? [],
    lang,
    goodPractice: fields.goodPractice ?? [],
    ...(options.reviseUnit ? { reviseUnit: options.reviseUnit } : {}),
    ...(options.amendedUnit ? { amendedUnit: options.amendedUnit } : {}),
  });

  list.add({ kind: 'fields', id: 'general', heading: list.heading('general'), fields: generalInformation(fields, lang) });
  if (fields.verdict)
    list.add({ kind: 'text', id: 'verdict', heading: list.heading('verdict'), paragraphs: [VERDICT_TEXTS[fields.verdict][lang]] });
  if (options.reading) {
    const { paragraphs, table: readingTable } = laterReadingSection(options.reading, lang);
    list.add({ kind: 'readings', id: 'readings', heading: list.heading('readings'), paragraphs, table: readingTable });
  }
  for (const id of ['summary', 'relevance'] as const) {
    const paragraphs = paragraphsOf(id === 'summary' ? fields.summary : fields.genderRelevance);
    if (paragraphs.length) list.add({ kind: 'text', id, heading: list.heading(id), paragraphs });
  }
  const analysis = numberCriteria(
    buildCriteriaAnalysis({
      findings: model.findings,
      answers: model.answers,
      written: fields.criteriaAnalysis ?? {},
      tree,
      goodPractice: fields.goodPractice ?? [],
      ...(options.criteria ? { criteria: options.criteria } : {}),
      lang,
    }),
    list.next,
  );
  const unassessed = analysis.filter((c) => !c.assessed).map((c) => c.title);
  list.add({
    kind: 'criteria',
    id: 'analysis',
    heading: list.heading('analysis'),
    criteria: analysis,
    notAssessed: unassessed.length ? format(ANALYSIS_TEXTS.notAssessedList[lang], { criteria: unassessed.join('; ') }) : null,
  });
  list.add({
    kind: 'text',
    id: 'proposals',
    heading: list.heading('proposals'),
    paragraphs: [table.rows.length ? format(PROPOSAL_TEXTS.annexed[lang], { count: table.rows.length }) : TABLE_TEXTS.noFindings[lang]],
  });
  const recommendations = paragraphsOf(fields.recommendations);
  if (recommendations.length)
    list.add({ kind: 'text', id: 'recommendations', heading: list.heading('recommendations'), paragraphs: recommendations });

  const number = cleanLine(fields.outgoingNumber);
  const date = displayDate(fields.outgoingDate, lang);
  const requestNumber = cleanLine(fields.requestLetter?.number);
  const requestDate = displayDate(fields.requestLetter?.date, lang);
  const title = conclusionTitle(fields.draftTitle ?? '', lang, tree.meta.actKind, options.reading?.seq);
  return {
    ...frame(lang),
    outgoing: number || date ? format(FIELD_LABELS.outgoing[lang], { number: number || '…', date: date || '…' }) : null,
    request: requestNumber || requestDate ? format(FIELD_LABELS.request[lang], { number: requestNumber || '…', date: requestDate || '…' }) : null,
    addressee: [committeeInDative(fields.addressee?.committee ?? '', lang), chairInDative(fields.addressee?.chair ?? '', lang)].filter(Boolean),
    title,
    sections: list.sections,
    annexList: annexList(table, (fields.annexes ?? []).map((a) => cleanLine(a)).filter(Boolean), lang),
    signatures: {
      signatories: (fields.signatories ?? [])
        .map((s) => ({ name: cleanLine(s?.name), position: cleanLine(s?.position) }))
        .filter((s) => s.name.length > 0),
      signatureLine: SIGNATURE_TEXTS.signatureLine[lang],
    },
    annex: table.rows.length
      ? {
          heading: format(ANNEX_TEXTS.heading[lang], { number: number || '…', date: date || '…' }),
          title: tableTitle(fields.draftTitle ?? '', lang, tree.meta.actKind),
          table,
        }
      : null,
  };
}

/** The comparative table on its own, as committees ask for it: same rows, same order, own title. */
export function buildComparativeTableDocument(model: ReviewModel, tree: ClauseTree, options: BuildOptions): ConclusionDocument {
  const { lang } = options;
  const fields = effectiveFields(model.conclusion, tree);
  return {
    ...frame(lang),
    outgoing: null,
    request: null,
    addressee: [],
    title: tableTitle(fields.draftTitle ?? '', lang, tree.meta.actKind),
    sections: [
      {
        kind: 'table',
        id: 'table',
        heading: '',
        table: buildComparativeTable(model.findings, tree, {
          criteria: options.criteria ?? [],
          lang,
          goodPractice: fields.goodPractice ?? [],
          ...(options.reviseUnit ? { reviseUnit: options.reviseUnit } : {}),
          ...(options.amendedUnit ? { amendedUnit: options.amendedUnit } : {}),
    ...(options.amendedUnit ? { amendedUnit: options.amendedUnit } : {}),
        }),
      },
    ],
    annexList: null,
    signatures: null,
    annex: null,
  };
}

function frame(lang: Lang) {
  return {
    lang,
    languageTag: DOCUMENT_LANGUAGE[lang],
    hyphenate: lang !== 'en',
    pageLabel: PAGE_LABEL[lang],
    issuer: { name: ISSUER.name[lang], secretariat: ISSUER.secretariat[lang] },
  };
}
