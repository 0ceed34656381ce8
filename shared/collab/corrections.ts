import type * as Y from 'yjs';

/**
 * The secretary's corrections of the draft's text, as the experts are shown them (issue 17): one
 * record per clause she changed, in her AUTHOR doc under the map `corrections` (beside the maps of
 * author-doc.ts; the merge of the review model does not read it). The TEXT doc holds the corrected
 * words themselves; these records say who changed which clause, when, and what it read before.
 * Only a secretary's doc counts: experts cannot write the text, so a record in theirs means nothing.
 */
export const CORRECTIONS_MAP = 'corrections';

export interface TextCorrection {
  clauseId: string;
  /** Where it is, as the draft labels it: the enclosing article's number and the clause's own label. */
  article: string | null;
  label: string;
  /** The clause's text before her first change of it, and as it reads after her last one. */
  before: string;
  after: string;
  authorId: string;
  firstAt: number;
  at: number;
}

const MAX_TEXT = 4000;

function isCorrection(value: unknown): value is TextCorrection {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.clauseId === 'string' &&
    (r.article === null || typeof r.article === 'string') &&
    typeof r.label === 'string' &&
    typeof r.before === 'string' &&
    typeof r.after === 'string' &&
    typeof r.authorId === 'string' &&
    typeof r.firstAt === 'number' &&
    typeof r.at === 'number'
  );
}

/** The corrections recorded in one author doc, the author taken from the doc's owner (never the record). */
export function readCorrections(doc: Y.Doc, ownerId: string): TextCorrection[] {
  const out: TextCorrection[] = [];
  doc.getMap<unknown>(CORRECTIONS_MAP).forEach((value) => {
    if (isCorrection(value)) out.push({ ...value, authorId: ownerId });
  });
  return out;
}

/**
 * Records her change of a clause: the first record keeps the text from before, later ones only move
 * `after` and `at`; a clause changed back to what it was is no longer a correction.
 */
export function recordCorrection(
  doc: Y.Doc,
  authorId: string,
  change: { clauseId: string; article: string | null; label: string; before: string; after: string },
  now = Date.now(),
): void {
  const map = doc.getMap<unknown>(CORRECTIONS_MAP);
  const old = map.get(change.clauseId);
  const kept = isCorrection(old) ? old : null;
  const before = kept ? kept.before : change.before.slice(0, MAX_TEXT);
  const after = change.after.slice(0, MAX_TEXT);
  if (after === before) {
    if (kept) map.delete(change.clauseId);
    return;
  }
  if (kept && kept.after === after) return;
  map.set(change.clauseId, {
    clauseId: change.clauseId,
    article: change.article,
    label: change.label,
    before,
    after,
    authorId,
    firstAt: kept ? kept.firstAt : now,
    at: now,
  } satisfies TextCorrection);
}
