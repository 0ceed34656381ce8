import type * as Y from 'yjs';
import type { CandidateFinding } from '../review-model';

/**
 * The layout of the ENGINE doc: candidate findings by their stable id, and which checklist produced
 * them. Written by the server only; every client connection to it is read-only.
 */
export const ENGINE_CANDIDATES = 'candidates';
export const ENGINE_META = 'meta';

export function readCandidates(doc: Y.Doc): CandidateFinding[] {
  const out: CandidateFinding[] = [];
  doc.getMap<CandidateFinding>(ENGINE_CANDIDATES).forEach((value) => out.push(value));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Upserts by stable id in one transaction. An unchanged finding is not rewritten, so a rerun of the
 * engine over the same text produces no update at all.
 */
export function upsertCandidates(
  doc: Y.Doc,
  checklist: { id: string; version: string },
  findings: readonly CandidateFinding[],
  origin: unknown,
): number {
  const map = doc.getMap<CandidateFinding>(ENGINE_CANDIDATES);
  const meta = doc.getMap<unknown>(ENGINE_META);
  let written = 0;
  doc.transact(() => {
    const label = `${checklist.id}@${checklist.version}`;
    if (meta.get('checklist') !== label) meta.set('checklist', label);
    for (const finding of findings) {
      const current = map.get(finding.id);
      if (current !== undefined && JSON.stringify(current) === JSON.stringify(finding)) continue;
      map.set(finding.id, JSON.parse(JSON.stringify(finding)) as CandidateFinding);
      written += 1;
    }
  }, origin);
  return written;
}

/**
 * Takes back candidates the engine no longer finds (the secretary corrected the words they were on).
 * The caller passes only those nobody has acted on — no verdict, decision or reply — so a candidate
 * someone worked with stays, with its history. Returns how many were removed.
 */
export function withdrawCandidates(doc: Y.Doc, ids: Iterable<string>, origin: unknown): number {
  const map = doc.getMap<CandidateFinding>(ENGINE_CANDIDATES);
  let removed = 0;
  doc.transact(() => {
    for (const id of ids) {
      if (!map.has(id)) continue;
      map.delete(id);
      removed += 1;
    }
  }, origin);
  return removed;
}
