import type { Highlight } from '../editor/highlights';

/** Highlights closer than this (in characters: a space, a comma) read as one run of colour. */
const NEIGHBOUR_GAP = 2;

/**
 * Marks with hl--alt every other highlight of a row of neighbours: one that starts at most
 * NEIGHBOUR_GAP after another ends, in the same clause, takes the other style than the nearest such
 * one. Overlapping and nested highlights are told apart by their padding already and do not count.
 */
export function alternateNeighbours(highlights: Highlight[]): Highlight[] {
  const byClause = new Map<string, Highlight[]>();
  for (const hl of highlights) byClause.set(hl.clauseId, [...(byClause.get(hl.clauseId) ?? []), hl]);
  const alt = new Set<string>();
  for (const list of byClause.values()) {
    const placed: Highlight[] = [];
    for (const hl of [...list].sort((a, b) => a.start - b.start || b.end - a.end)) {
      let nearest: Highlight | null = null;
      for (const other of placed) if (other.end <= hl.start && hl.start - other.end <= NEIGHBOUR_GAP && (!nearest || other.end > nearest.end)) nearest = other;
      if (nearest && !alt.has(nearest.id)) alt.add(hl.id);
      placed.push(hl);
    }
  }
  return highlights.map((hl) => (alt.has(hl.id) ? { ...hl, className: `${hl.className} hl--alt` } : hl));
}
