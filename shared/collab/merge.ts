import type * as Y from 'yjs';
import type {
  Annotation,
  CandidateFinding,
  ConclusionFields,
  DeletedAnnotation,
  FinalDecision,
  MergedFinding,
  ResolvedAnchor,
  ReviewModel,
} from '../review-model';
import { resolveAnchor, findQuote } from './anchor';
import { readAuthorDoc, type AuthorContent } from './author-doc';
import { ENGINE_META, readCandidates } from './engine-doc';
import { clauseTexts, plainText } from './text-doc';

export interface AuthorDocInput {
  userId: string;
  /** Only secretaries' final decisions and conclusion fields count. */
  role: 'secretary' | 'expert';
  doc: Y.Doc;
}

export interface MergeInput {
  reviewId: string;
  engine: Y.Doc | null;
  authors: readonly AuthorDocInput[];
  /** With the TEXT doc, every finding and comment gets its current position. */
  textDoc?: Y.Doc | null;
  /**
   * The version of the draft the model is of (default 1, docs/versions.md): `textDoc` is that
   * version's, `engine` version 1's. Annotations made on later versions are left out; those made on
   * earlier ones are in, with their `draftVersion` and no position (versions/reading-view.ts places
   * them by the server's placements).
   */
  version?: number;
  /** ENGINE docs of versions 2 … `version`. */
  laterEngines?: ReadonlyMap<number, Y.Doc>;
}

function byTime<T>(key: (t: T) => number) {
  return (a: T, b: T) => key(a) - key(b);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The review model as a pure function of the review's docs (docs/collaboration.md, "The review model"). Authorship comes from whose
 * doc a record is in, never from the record, and a finding's id names its owner (record-ids.ts), so a
 * verdict, reply or decision binds to exactly one finding whoever wrote a record under what id. When two secretaries decided the same finding or filled
 * the same conclusion field, the later one wins.
 */
export function mergeReviewModel(input: MergeInput): ReviewModel {
  const contents: Array<{ input: AuthorDocInput; content: AuthorContent }> = input.authors.map((author) => ({
    input: author,
    content: readAuthorDoc(author.doc, author.userId),
  }));
  const annotations = contents.flatMap((c) => c.content.annotations);
  const allReplies = contents.flatMap((c) => c.content.replies);
  const allVerdicts = contents.flatMap((c) => c.content.verdicts);
  const answers = contents.flatMap((c) => c.content.answers);
  const ignored = contents.flatMap((c) => c.content.ignored.map((r) => ({ authorId: c.input.userId, ...r })));

  const replies = groupBy(allReplies.sort(byTime((r) => r.createdAt)), (r) => r.targetId);
  const verdicts = groupBy(allVerdicts.sort(byTime((v) => v.at)), (v) => v.targetId);
  const secretaries = contents.filter((c) => c.input.role === 'secretary');
  const decisions = new Map<string, FinalDecision>();
  for (const decision of secretaries.flatMap((c) => c.content.decisions).sort(byTime((d) => d.at)))
    decisions.set(decision.targetId, decision);
  const conclusion: Record<string, { value: unknown; at: number }> = {};
  for (const c of secretaries)
    for (const [field, entry] of c.content.conclusion)
      if (!conclusion[field] || conclusion[field].at <= entry.at) conclusion[field] = entry;

  const version = input.version ?? 1;
  const versionOf = (a: Annotation) => a.anchor.draftVersion ?? 1;
  const textDoc = input.textDoc ?? null;
  const texts = textDoc ? clauseTexts(textDoc) : null;
  const locateAnnotation = (a: Annotation): ResolvedAnchor | undefined =>
    textDoc && texts && versionOf(a) === version ? resolveAnchor(textDoc, a.anchor, { texts }) : undefined;
  const locateCandidate = (c: CandidateFinding): ResolvedAnchor | undefined => {
    if (!texts) return undefined;
    const text = texts.get(c.clauseId);
    if (!text) return { state: 'orphaned', clauseId: c.clauseId, start: 0, end: 0 };
    const words = plainText(text);
    if (words.slice(c.span.start, c.span.end) === c.quote.exact) return { state: 'exact', clauseId: c.clauseId, ...c.span };
    const found = findQuote(words, c.quote, c.span.start);
    return found ? { state: 'reanchored', clauseId: c.clauseId, ...found } : { state: 'orphaned', clauseId: c.clauseId, start: 0, end: 0 };
  };
  const extras = (id: string) => {
    const final = decisions.get(id);
    return { verdicts: verdicts.get(id) ?? [], replies: replies.get(id) ?? [], ...(final ? { final } : {}) };
  };

  const findings: MergedFinding[] = [];
  const engines: Array<[number, Y.Doc]> = [...(input.engine ? [[1, input.engine] as [number, Y.Doc]] : [])];
  for (const [v, doc] of [...(input.laterEngines ?? [])].sort((a, b) => a[0] - b[0])) if (v >= 2 && v <= version) engines.push([v, doc]);
  const engineCandidates = engines.flatMap(([v, doc]) => readCandidates(doc).map((candidate) => ({ v, candidate })));
  for (const { v, candidate } of engineCandidates) {
    const position = v === version ? locateCandidate(candidate) : undefined;
    findings.push({
      id: candidate.id,
      origin: 'engine',
      authorId: null,
      criterionId: candidate.criterionId,
      clauseId: candidate.clauseId,
      quote: candidate.quote,
      severity: candidate.severity,
      polarity: candidate.polarity,
      explanation: candidate.explanation,
      ...(candidate.suggestedWording ? { proposedWording: candidate.suggestedWording.ru, suggestedWording: candidate.suggestedWording } : {}),
      ...(candidate.why ? { why: candidate.why } : {}),
      detectorId: candidate.detectorId,
      ...(candidate.amendment ? { amendment: candidate.amendment } : {}),
      ...extras(candidate.id),
      status: 'open',
      ...(position ? { position } : {}),
      ...(v !== 1 ? { draftVersion: v } : {}),
    });
  }
  const comments: ReviewModel['comments'] = [];
  const deleted: DeletedAnnotation[] = [];
  for (const annotation of annotations.sort(byTime((a) => a.createdAt))) {
    // Made on a later version than this model's: not there yet.
    if (versionOf(annotation) > version) continue;
    const position = locateAnnotation(annotation);
    // A tombstone (author-doc.ts deleteAnnotation) is neither a finding nor a comment any more: it is
    // listed apart, with what was said on it, so nothing that reads findings (the conclusion, the
    // counts, the highlights) takes it for one.
    if (annotation.deletedAt !== undefined) {
      const final = decisions.get(annotation.id);
      deleted.push({ ...annotation, deletedAt: annotation.deletedAt, replies: replies.get(annotation.id) ?? [], ...(final ? { final } : {}), ...(position ? { position } : {}) });
      continue;
    }
    if (annotation.kind === 'comment') {
      comments.push({ ...annotation, replies: replies.get(annotation.id) ?? [], ...(position ? { position } : {}) });
      continue;
    }
    findings.push({
      id: annotation.id,
      origin: 'expert',
      authorId: annotation.authorId,
      criterionId: annotation.criterionId ?? '',
      clauseId: annotation.anchor.clauseId,
      quote: annotation.anchor.quote,
      severity: annotation.severity ?? 'concern',
      polarity: annotation.polarity ?? 'risk',
      explanation: annotation.body,
      ...(annotation.proposedWording !== undefined ? { proposedWording: annotation.proposedWording } : {}),
      ...extras(annotation.id),
      status: annotation.status,
      ...(position ? { position } : {}),
      ...(annotation.editedAt !== undefined ? { editedAt: annotation.editedAt } : {}),
      ...(annotation.history?.length ? { history: annotation.history } : {}),
      ...(versionOf(annotation) !== 1 ? { draftVersion: versionOf(annotation) } : {}),
    });
  }

  return {
    reviewId: input.reviewId,
    ...(version !== 1 ? { draftVersion: version } : {}),
    ...(version !== 1 && input.laterEngines?.get(version)?.getMap(ENGINE_META).get('checklist') !== undefined ? { versionAnalysed: true } : {}),
    findings,
    comments,
    answers: answers.sort(byTime((a) => a.at)),
    conclusion: Object.fromEntries(Object.entries(conclusion).map(([k, v]) => [k, v.value])) as Partial<ConclusionFields>,
    ...(ignored.length > 0 ? { ignored } : {}),
    ...(deleted.length > 0 ? { deleted } : {}),
  };
}
