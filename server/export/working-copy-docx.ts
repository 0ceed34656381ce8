import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { isGroupingKind, walkClauses, type Clause, type ClauseTree } from '../../shared/clause';
import { effectiveFields } from '../../shared/conclusion/build';
import { clauseLabel, confirmedFindings, draftLanguage, proposedWording, type ConfirmedFinding } from '../../shared/conclusion/confirmed';
import { reasoningOf } from '../../shared/conclusion/reasoning';
import type { ConclusionCriterion } from '../../shared/conclusion/criteria';
import { cleanLine, cleanText } from '../../shared/conclusion/sanitize';
import { DOCUMENT_LANGUAGE, PAGE_LABEL, WORKING_COPY_TEXTS, WORKING_COPY_TITLE } from '../../shared/conclusion/strings';
import { criterionTitle } from '../../shared/conclusion/table';
import { format, type Lang } from '../../shared/i18n/lang';
import type { ReviewModel } from '../../shared/review-model';
import { documentStyles, pageFooter, pageProperties } from './docx-frame';
import { revisedUnit, wordEdits, type Proposal } from './unit-revision';
import { locateQuote, type Edit, type Span } from './working-copy-plan';

export interface WorkingCopyOptions {
  /** Language of the comments and fixed words; the draft's own text keeps its language. */
  lang: Lang;
  criteria?: readonly ConclusionCriterion[];
}


interface Anchored {
  commentId: number;
  span: Span;
}

/** Numbers comments and revisions: each must be unique in the document. */
class Ids {
  private comment = 0;
  private revision = 1;
  nextComment(): number {
    return this.comment++;
  }
  nextRevision(): number {
    return this.revision++;
  }
}

function commentBody(entry: ConfirmedFinding, label: string, criteria: readonly ConclusionCriterion[], lang: Lang, draftLang: Lang | undefined): Paragraph[] {
  const { finding } = entry;
  const lines = [`${label} — ${format(WORKING_COPY_TEXTS.criterion[lang], { criterion: criterionTitle(finding.criterionId, criteria, lang) })}`];
  // Why, as a person stated it — never the engine's question to the expert (reasoning.ts).
  const reasoning = reasoningOf(finding);
  if (reasoning) lines.push(format(WORKING_COPY_TEXTS.justification[lang], { text: reasoning }));
  const wording = proposedWording(finding, draftLang);
  if (wording) lines.push(format(WORKING_COPY_TEXTS.proposed[lang], { wording: cleanLine(wording) }));
  return lines.map((text) => new Paragraph({ children: [new TextRun(text)] }));
}

/**
 * The runs of one clause: its text cut at every comment boundary and every tracked change, so that
 * each comment covers exactly its words and each proposed wording shows as a deletion plus insertion.
 */
function clauseRuns(text: string, anchored: readonly Anchored[], edits: readonly Edit[], revision: (edit: Edit) => { id: number; author: string; date: string }): ParagraphChild[] {
  const points = new Set<number>([0, text.length]);
  for (const a of anchored) points.add(a.span.start).add(a.span.end);
  for (const e of edits) points.add(e.start).add(e.end);
  const sorted = [...points].sort((a, b) => a - b);
  const runs: ParagraphChild[] = [];
  const insert = (edit: Edit) => {
    if (edit.insert) runs.push(new InsertedTextRun({ text: edit.insert, ...revision(edit) }));
  };
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i]!;
    // Close what ends here (an insertion stays inside the comment on the words it replaces), then open.
    for (const e of edits) if (e.end === at && e.start < at) insert(e);
    for (const a of anchored)
      if (a.span.end === at && a.span.start < at)
        runs.push(new CommentRangeEnd(a.commentId), new TextRun({ children: [new CommentReference(a.commentId)] }));
    for (const a of anchored) if (a.span.start === at && a.span.end > at) runs.push(new CommentRangeStart(a.commentId));
    for (const e of edits) if (e.start === at && e.end === at) insert(e);
    for (const a of anchored)
      if (a.span.start === at && a.span.end === at)
        runs.push(new CommentRangeStart(a.commentId), new CommentRangeEnd(a.commentId), new TextRun({ children: [new CommentReference(a.commentId)] }));
    const next = sorted[i + 1];
    if (next === undefined) break;
    const piece = text.slice(at, next);
    const deleting = edits.find((e) => e.start <= at && next <= e.end && e.start < e.end);
    runs.push(deleting ? new DeletedTextRun({ text: piece, ...revision(deleting) }) : new TextRun(piece));
  }
  return runs;
}

function clauseParagraph(clause: Clause, children: ParagraphChild[]): Paragraph {
  if (clause.kind === 'header' || isGroupingKind(clause.kind)) return new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children });
  if (clause.kind === 'article') return new Paragraph({ heading: HeadingLevel.HEADING_3, children });
  return new Paragraph({ children });
}

/**
 * The reviewer's working copy: the draft, every confirmed finding a Word comment on its words, and
 * each unit's proposed wordings one tracked change, cut word by word, that the drafters accept or
 * reject in Word: Accept all gives every unit as proposed and leaves the others as they are, Reject
 * all gives back the draft (unit-revision.ts says how wordings combine on one unit).
 */
export function workingCopyDocx(model: ReviewModel, tree: ClauseTree, options: WorkingCopyOptions): Document {
  const { lang } = options;
  const criteria = options.criteria ?? [];
  const draftLang = draftLanguage(tree);
  const ids = new Ids();
  const comments: ICommentOptions[] = [];
  const author = WORKING_COPY_TEXTS.author[lang];
  const byClause = new Map<string, ConfirmedFinding[]>();
  const orphans: ConfirmedFinding[] = [];
  for (const entry of confirmedFindings(model.findings, tree)) {
    if (!entry.clause) orphans.push(entry);
    else byClause.set(entry.clause.id, [...(byClause.get(entry.clause.id) ?? []), entry]);
  }

  const annotate = (text: string, entries: readonly ConfirmedFinding[], label: string) => {
    const anchored: Anchored[] = [];
    const proposals: Proposal[] = [];
    for (const entry of entries) {
      const quote = entry.finding.quote;
      // The context is compared up to the quote's very edge: a trimmed one (its space gone) told nothing.
      const context = (value: string) => cleanText(value).replace(/\s+/g, ' ');
      const located = locateQuote(text, { exact: cleanLine(quote.exact), prefix: context(quote.prefix), suffix: context(quote.suffix) });
      const commentId = ids.nextComment();
      const date = new Date(entry.finding.final?.at ?? 0);
      comments.push({ id: commentId, author, initials: 'GE', date, children: commentBody(entry, label, criteria, lang, draftLang) });
      anchored.push({ commentId, span: located ?? { start: 0, end: text.length } });
      const wording = proposedWording(entry.finding, draftLang);
      if (wording) proposals.push({ wording: cleanLine(wording), quote: located, at: entry.finding.final?.at ?? 0 });
    }
    // One change per unit, whatever the number of findings on it: what Accept all gives is the unit as
    // proposed (unit-revision.ts); each finding's comment stays on its own words.
    const revised = revisedUnit(text, proposals);
    const edits = revised === null ? [] : wordEdits(text, revised);
    const at = Math.max(0, ...proposals.map((p) => p.at));
    // The deletion and the insertion of one change are two revisions in Word, each with its own id.
    const revision = () => ({ id: ids.nextRevision(), author, date: new Date(at).toISOString() });
    return clauseRuns(text, anchored, edits, revision);
  };

  const draftTitle = cleanLine(effectiveFields(model.conclusion, tree).draftTitle);
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(WORKING_COPY_TITLE[lang])] }),
  ];
  if (draftTitle)
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: draftTitle, italics: true })] }));
  for (const [clause] of walkClauses(tree.clauses)) {
    const text = cleanText(clause.text).replace(/\n/g, ' ');
    const entries = byClause.get(clause.id) ?? [];
    body.push(clauseParagraph(clause, entries.length ? annotate(text, entries, clauseLabel(clause)) : [new TextRun(text)]));
  }
  if (orphans.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(WORKING_COPY_TEXTS.orphans[lang])] }));
    for (const entry of orphans) {
      const text = cleanLine(entry.finding.quote.exact) || cleanLine(entry.finding.clauseId);
      body.push(new Paragraph({ children: annotate(text, [entry], cleanLine(entry.finding.clauseId)) }));
    }
  }

  return new Document({
    creator: 'Tendik',
    title: WORKING_COPY_TITLE[lang],
    styles: documentStyles(DOCUMENT_LANGUAGE[draftLang ?? lang]),
    features: { trackRevisions: true },
    comments: { children: comments },
    sections: [{ properties: pageProperties('portrait'), footers: { default: pageFooter(PAGE_LABEL[lang]) }, children: body }],
  });
}

export function packWorkingCopy(model: ReviewModel, tree: ClauseTree, options: WorkingCopyOptions): Promise<Buffer> {
  return Packer.toBuffer(workingCopyDocx(model, tree, options));
}
