import { walkClauses, type ClauseTree } from '../../shared/clause';
import { quoteAt } from '../../shared/collab/anchor';
import type { PlacementRecord } from '../../shared/contract/versions';
import type { ReviewModel, TextQuote } from '../../shared/review-model';
import { Carrier, type AnchorSource } from '../../shared/versions/reanchor';
import { viewOfReading } from '../../shared/versions/reading-view';
import { audit } from '../audit';
import { loadReviewModel } from '../collab/model';
import type { AppContext } from '../context';
import { currentDraftTree, storedDraft } from '../reviews/current-draft';
import { savePlacements, storedAlignment, storedPlacements, storedVersionTree } from './store';

/**
 * Carrying every annotation and candidate finding to a later version (issue 16). Nothing is copied:
 * an annotation stays in its author's doc, on the version it was made on, and its place in a later
 * version is derived here, on the server, and stored (annotation_placements), so nobody ever writes
 * into another person's doc — the carrying is the same for everyone and is computed once.
 * Replies, verdicts and decisions bind to a finding by its id, so they follow it wherever it lands.
 *
 * Version n's placements are carried from version n − 1's, together with what was made on version
 * n − 1 itself (its anchors, resolved against that version's TEXT doc; version 1's TEXT doc is `text`,
 * a later version's `text:<n>`). An annotation made after a version was added is carried on the next
 * read. A placement re-attached by hand is never recomputed.
 */

/** The draft of a version: version 1 as the secretary corrected it (the anchors' text), later ones as imported. */
export async function versionTree(ctx: AppContext, reviewId: string, seq: number): Promise<ClauseTree | undefined> {
  if (seq === 1) {
    const stored = storedDraft(ctx.db, reviewId);
    return stored ? currentDraftTree(ctx, reviewId, stored) : undefined;
  }
  return storedVersionTree(ctx.db, reviewId, seq);
}

export function textsOf(tree: ClauseTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const [clause] of walkClauses(tree.clauses)) if (!out.has(clause.id)) out.set(clause.id, clause.text);
  return out;
}

/** What is carried, with what the placement record says of it. */
interface Carried extends AnchorSource {
  origin: PlacementRecord['origin'];
  authorId: string | null;
  annotationKind: PlacementRecord['annotationKind'];
  /** Already orphaned in the version it comes from: stays so (unless re-attached by hand there). */
  orphaned?: boolean;
}

/**
 * Every finding (engine and expert) and comment made on the model's version of the draft, as anchored
 * there (what was made on earlier versions is carried by their placements, not here).
 */
export function sourcesOfModel(model: ReviewModel): Carried[] {
  const own = model.draftVersion ?? 1;
  const out: Carried[] = [];
  const add = (
    id: string,
    origin: Carried['origin'],
    authorId: string | null,
    annotationKind: Carried['annotationKind'],
    clauseId: string,
    quote: TextQuote,
    position: ReviewModel['findings'][number]['position'],
  ) => {
    const base = { id, origin, authorId, annotationKind, clauseId, quote };
    if (position?.state === 'clause') out.push({ ...base, wholeClause: true });
    else if (position && position.state !== 'orphaned') out.push({ ...base, clauseId: position.clauseId, start: position.start, end: position.end });
    else out.push(base);
  };
  for (const f of model.findings) if ((f.draftVersion ?? 1) === own) add(f.id, f.origin, f.authorId, 'finding', f.clauseId, f.quote, f.position);
  for (const c of model.comments) if ((c.anchor.draftVersion ?? 1) === own) add(c.id, 'expert', c.authorId, c.kind, c.anchor.clauseId, c.anchor.quote, c.position);
  return out;
}

function sourcesOfPlacements(placements: readonly PlacementRecord[]): Carried[] {
  return placements.map((p) => ({
    id: p.annotationId,
    origin: p.origin,
    authorId: p.authorId,
    annotationKind: p.annotationKind,
    clauseId: p.clauseId ?? '',
    quote: p.quote,
    ...(p.state === 'orphaned' ? { orphaned: true } : { start: p.start, end: p.end }),
  }));
}

export interface CarryResult {
  placements: PlacementRecord[];
  /** Placements computed by this call (not read back from storage). */
  fresh: { placed: number; changed: number; orphaned: number };
}

/** The merged model of a version of the draft (its own TEXT doc, ENGINE docs up to it). */
export type ModelOfVersion = (version: number) => Promise<ReviewModel>;

export function modelsOf(ctx: AppContext, reviewId: string): ModelOfVersion {
  const cache = new Map<number, Promise<ReviewModel>>();
  return (version) => {
    let model = cache.get(version);
    if (!model) cache.set(version, (model = loadReviewModel(ctx, reviewId, { version })));
    return model;
  };
}

/**
 * The placements of every current annotation in version `seq` (≥ 2), computing and storing those not
 * stored yet (audited: finding.carried, finding.orphaned): what version seq − 1 had carried, and what
 * was made on it.
 */
export async function placementsIn(
  ctx: AppContext,
  reviewId: string,
  seq: number,
  userId: string | null,
  modelOf: ModelOfVersion = modelsOf(ctx, reviewId),
): Promise<CarryResult> {
  const fresh = { placed: 0, changed: 0, orphaned: 0 };
  if (seq < 2) throw new RangeError(`version ${seq} holds the anchors themselves; placements start at version 2`);
  const earlier = seq === 2 ? [] : sourcesOfPlacements((await placementsIn(ctx, reviewId, seq - 1, userId, modelOf)).placements);
  const sources = [...earlier, ...sourcesOfModel(await modelOf(seq - 1))];
  const current = new Set(sources.map((s) => s.id));
  const stored = storedPlacements(ctx.db, reviewId, seq);
  const have = new Set(stored.map((p) => p.annotationId));
  const missing = sources.filter((s) => !have.has(s.id));
  if (missing.length > 0) {
    const [oldTree, newTree] = [await versionTree(ctx, reviewId, seq - 1), await versionTree(ctx, reviewId, seq)];
    if (!oldTree || !newTree) throw new RangeError(`review ${reviewId} has no version ${oldTree ? seq : seq - 1}`);
    const newTexts = textsOf(newTree);
    const forward = new Map<string, string>();
    for (const e of storedAlignment(ctx.db, reviewId, seq)) if (e.oldId && e.newId && e.kind !== 'split' && e.kind !== 'inserted') forward.set(e.oldId, e.newId);
    const carrier = new Carrier(textsOf(oldTree), newTexts, { forward });
    const computed: PlacementRecord[] = missing.map((source) => {
      const p = source.orphaned ? { state: 'orphaned' as const, clauseId: null, start: 0, end: 0, score: 0 } : carrier.carry(source);
      const text = p.clauseId === null ? undefined : newTexts.get(p.clauseId);
      const quote = p.state === 'orphaned' || text === undefined ? source.quote : quoteAt(text, p.start, p.end);
      fresh[p.state] += 1;
      return {
        annotationId: source.id,
        origin: source.origin,
        authorId: source.authorId,
        annotationKind: source.annotationKind,
        state: p.state,
        manual: false,
        clauseId: p.clauseId,
        start: p.start,
        end: p.end,
        quote,
        score: p.score,
      };
    });
    ctx.db.transaction(() => {
      savePlacements(ctx.db, reviewId, seq, computed, userId);
      for (const p of computed)
        audit(ctx.db, {
          userId,
          reviewId,
          action: p.state === 'orphaned' ? 'finding.orphaned' : 'finding.carried',
          target: p.annotationId,
          details: { version: seq, state: p.state, clauseId: p.clauseId, ...(p.state === 'orphaned' ? {} : { start: p.start, end: p.end }) },
        });
    })();
  }
  return { placements: storedPlacements(ctx.db, reviewId, seq).filter((p) => current.has(p.annotationId)), fresh };
}

/**
 * The review as it stands on version `version` (issue 16): its own work and its engine's candidates where
 * they were made, and everything made on earlier versions where it was carried (shared/versions/reading-view.ts).
 */
export async function viewOfVersion(ctx: AppContext, reviewId: string, version: number): Promise<ReviewModel> {
  const modelOf = modelsOf(ctx, reviewId);
  const model = await modelOf(version);
  if (version < 2) return model;
  const { placements } = await placementsIn(ctx, reviewId, version, null, modelOf);
  return viewOfReading(model, placements);
}
