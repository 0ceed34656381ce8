import type { PlacementRecord } from '../contract/versions';
import type { CarriedPlacement, MergedFinding, ResolvedAnchor, ReviewModel, TextQuote } from '../review-model';

/**
 * The review as it stands on a later version of the draft (issue 16, docs/versions.md): what was made
 * on this version, where it was made, and what was made on earlier versions, where the server carried
 * it (annotation_placements). Nothing is copied: a carried annotation keeps its id, author, thread,
 * verdicts and decisions; only its place is this version's. One not carried yet is 'pending', without
 * a place, until the server's next answer: listed, never dropped.
 *
 * The engine runs on every version. Where it finds again what it found on an earlier version (the
 * same candidate id, or the same rule on overlapping words of the same unit where the carried one
 * landed), the carried candidate stands for both: it has the experts' verdicts and replies.
 */
export function viewOfReading(model: ReviewModel, placements: readonly PlacementRecord[] | null): ReviewModel {
  const version = model.draftVersion ?? 1;
  if (version === 1) return model;
  const byId = new Map((placements ?? []).map((p) => [p.annotationId, p]));
  const carry = <T extends { id: string; draftVersion?: number }>(item: T, clauseId: string, quote: TextQuote) => {
    const from = item.draftVersion ?? 1;
    if (from >= version) return null;
    const p = byId.get(item.id);
    if (!p) return { clauseId, quote, carried: { fromVersion: from, state: 'pending', manual: false } satisfies CarriedPlacement };
    const position: ResolvedAnchor =
      p.state === 'orphaned' || p.clauseId === null
        ? { state: 'orphaned', clauseId: p.clauseId ?? clauseId, start: 0, end: 0 }
        : { state: p.state === 'placed' ? 'exact' : 'reanchored', clauseId: p.clauseId, start: p.start, end: p.end };
    return {
      clauseId: p.clauseId ?? clauseId,
      quote: p.quote,
      position,
      carried: { fromVersion: from, state: p.state, manual: p.manual } satisfies CarriedPlacement,
    };
  };

  const findings: MergedFinding[] = [];
  for (const f of model.findings) {
    const moved = carry(f, f.clauseId, f.quote);
    if (!moved) {
      findings.push(f);
      continue;
    }
    const { position: _old, ...rest } = f;
    findings.push({ ...rest, ...moved });
  }
  const carriedEngine = findings.filter((f) => f.origin === 'engine' && f.carried && f.carried.state !== 'orphaned' && f.carried.state !== 'pending');
  const overlaps = (a: ResolvedAnchor, b: ResolvedAnchor) =>
    a.clauseId === b.clauseId && a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
  const foundAgain = (f: MergedFinding) =>
    f.origin === 'engine' &&
    !f.carried &&
    carriedEngine.some((c) => c.id === f.id || (c.detectorId === f.detectorId && c.position !== undefined && f.position !== undefined && overlaps(c.position, f.position)));
  const nativeIds = new Set(findings.filter((f) => !f.carried).map((f) => f.id));
  // Where the engine has run on this version, each carried candidate says whether it fires here again.
  if (model.versionAnalysed)
    for (const c of carriedEngine) {
      const again = findings.some(
        (f) => f.origin === 'engine' && !f.carried && (f.id === c.id || (f.detectorId === c.detectorId && f.position !== undefined && c.position !== undefined && overlaps(f.position, c.position))),
      );
      c.carried = { ...c.carried!, engineFindsAgain: again };
    }
  // The same id twice (the engine's hash of the same unit and words): the live one stays — the carried
  // one where it was placed, the new one where the carried one is orphaned. Both share one thread.
  const kept = findings.filter((f) => !foundAgain(f) && !(f.carried && nativeIds.has(f.id) && (f.carried.state === 'orphaned' || f.carried.state === 'pending')));

  const comments: ReviewModel['comments'] = model.comments.map((c) => {
    const moved = carry({ id: c.id, draftVersion: c.anchor.draftVersion }, c.anchor.clauseId, c.anchor.quote);
    if (!moved) return c;
    const { position: _old, ...rest } = c;
    return { ...rest, anchor: { ...c.anchor, clauseId: moved.clauseId, quote: moved.quote }, ...('position' in moved ? { position: moved.position } : {}), carried: moved.carried };
  });
  return { ...model, findings: kept, comments };
}

/** The annotations of a view that were made on an earlier version and wait for the server to carry them. */
export function pendingCarries(model: ReviewModel): string[] {
  return [...model.findings, ...model.comments].filter((x) => x.carried?.state === 'pending').map((x) => x.id);
}

/**
 * What a document on this version may set beside its units: everything but what was carried onto
 * deleted text (its clause id is an earlier version's, and names another unit here, or none). Those
 * are accounted for apart, in the statuses of the earlier recommendations (later-reading.ts).
 */
export function placedInVersion(view: ReviewModel): ReviewModel {
  const away = (x: { carried?: CarriedPlacement }) => x.carried !== undefined && (x.carried.state === 'orphaned' || x.carried.state === 'pending');
  return { ...view, findings: view.findings.filter((f) => !away(f)), comments: view.comments.filter((c) => !away(c)) };
}
