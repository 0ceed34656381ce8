import type { SegmentRole } from './format';
import { evaluate, indexClause, type ClauseIndex, type CompiledMatcher } from './matcher';
import type { Token } from './tokenize';

/**
 * A clause's segments: the stretches between «;», «:» and sentence ends. A list of beneficiaries, an
 * exception or a second sentence is its own segment, so a detector's exception words in one segment no
 * longer silence a finding in another, and each segment gets its own role.
 */
export interface Segments {
  /** Token → its segment. */
  of: Int32Array;
  /** Segment → [first token, token after the last). */
  bounds: Array<[number, number]>;
}

/** «;» and «:» always end a segment; «.» only before a space and a capital or a digit (not «ст. 5», «т.е.»). */
function endsSegment(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === ';' || c === ':') return true;
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0')) j++;
      const next = text[j];
      if (j > i + 1 && next !== undefined && /[\p{Lu}\d«"]/u.test(next)) return true;
    }
  }
  return false;
}

export function splitSegments(text: string, tokens: readonly Token[]): Segments {
  const of = new Int32Array(tokens.length);
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && endsSegment(text, tokens[i - 1]!.end, tokens[i]!.start)) {
      bounds.push([start, i]);
      start = i;
    }
    of[i] = bounds.length;
  }
  bounds.push([start, tokens.length]);
  return { of, bounds };
}

/**
 * A definition: a short term, then a dash and the definition («брак - равноправный … союз»,
 * «3) земельная доля - земельный участок …»); not a sanction's dash after a long description («…, –
 * наказывается»), which has a comma before it.
 */
function isDefinition(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const limit = Math.min(to, from + 8);
  for (let i = from + 1; i < limit; i++) {
    const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (/^\s+[-–—]\s+$/.test(gap)) return to - i >= 2;
    if (/[,;:]/.test(gap)) return false;
  }
  return false;
}

/** The roles of the token range [from, to) of a scanned clause, by the checklist's structure words. */
export function segmentRoles(
  structure: Partial<Record<SegmentRole, CompiledMatcher>>,
  scan: { tokens: readonly Token[]; index: ClauseIndex; segments: Segments },
  from: number,
  to: number,
  text?: string,
): Set<SegmentRole> {
  const roles = new Set<SegmentRole>();
  const whole = from === 0 && to === scan.tokens.length;
  const index = whole ? scan.index : indexClause(scan.index.keys.slice(from, to));
  for (const role of ['scope', 'exception', 'prohibition', 'definition'] as const) {
    const matcher = structure[role];
    if (matcher && evaluate(matcher, index)?.length) roles.add(role);
  }
  if (text !== undefined && isDefinition(text, scan.tokens, from, to)) roles.add('definition');
  return roles;
}
