import type { Matcher } from './format';
import { LIMITS } from './format';
import type { Lexicon } from './lexicon';
import type { ChecklistProblem, DataPath } from './problems';
import { termWords } from './tokenize';

/** A compiled matcher: a sequence of word keys, or a combination. */
export type CompiledMatcher =
  | { type: 'seq'; keys: string[] }
  | { type: 'all' | 'any' | 'none'; children: CompiledMatcher[] }
  /** Each item is a list of word sequences; all items within `within` consecutive words. */
  | { type: 'near'; items: Array<Array<{ type: 'seq'; keys: string[] }>>; within: number };

/** The tokens a matcher matched, with the key each one satisfied (for the finding's `matched`). */
export type Hit = Array<{ token: number; key: string }>;

/** Per clause: which tokens satisfy which keys, and where each key first occurs. */
export interface ClauseIndex {
  keys: string[][];
  positions: Map<string, number[]>;
}

export function indexClause(keys: string[][]): ClauseIndex {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    for (const key of keys[i]!) {
      const list = positions.get(key);
      if (list) list.push(i);
      else positions.set(key, [i]);
    }
  }
  return { keys, positions };
}

export function compileMatcher(
  matcher: Matcher,
  lexicon: Lexicon,
  path: DataPath,
  problems: ChecklistProblem[],
  depth = 1,
): CompiledMatcher {
  if (depth > LIMITS.maxMatcherDepth) {
    problems.push({ code: 'CHECKLIST_TOO_DEEP', path, params: { max: LIMITS.maxMatcherDepth } });
    return { type: 'any', children: [] };
  }
  if (typeof matcher === 'string') return compileTerms('lemma', matcher, lexicon, path, problems);
  if ('lemma' in matcher) return compileTerms('lemma', matcher.lemma, lexicon, [...path, 'lemma'], problems);
  if ('form' in matcher) return compileTerms('form', matcher.form, lexicon, [...path, 'form'], problems);
  if ('prefix' in matcher) return compileTerms('prefix', matcher.prefix, lexicon, [...path, 'prefix'], problems);
  if ('near' in matcher) {
    const items = matcher.near.map((child, i) => {
      const compiled = compileMatcher(child, lexicon, [...path, 'near', i], problems, depth + 1);
      const seqs = compiled.type === 'seq' ? [compiled] : compiled.type === 'any' ? compiled.children : null;
      if (!seqs || !seqs.every((c): c is { type: 'seq'; keys: string[] } => c.type === 'seq')) {
        problems.push({ code: 'CHECKLIST_BAD_NEAR', path: [...path, 'near', i], params: {} });
        return [];
      }
      return seqs;
    });
    return { type: 'near', items, within: matcher.within };
  }
  const type = 'all' in matcher ? 'all' : 'any' in matcher ? 'any' : 'none';
  const children = (matcher as Record<typeof type, Matcher[]>)[type];
  return {
    type,
    children: children.map((child, i) => compileMatcher(child, lexicon, [...path, type, i], problems, depth + 1)),
  };
}

function compileTerms(
  kind: 'lemma' | 'form' | 'prefix',
  value: string | string[],
  lexicon: Lexicon,
  path: DataPath,
  problems: ChecklistProblem[],
): CompiledMatcher {
  const seqs: CompiledMatcher[] = [];
  const terms = typeof value === 'string' ? [value] : value;
  terms.forEach((term, i) => {
    const termPath = typeof value === 'string' ? path : [...path, i];
    const words = termWords(term);
    if (words.length === 0 || words.length > LIMITS.maxWordsPerTerm) {
      problems.push({ code: 'CHECKLIST_BAD_TERM', path: termPath, params: { term, max: LIMITS.maxWordsPerTerm } });
      return;
    }
    const keys: string[] = [];
    for (const word of words) {
      if (kind === 'form') keys.push(lexicon.addForm(word));
      else if (kind === 'prefix') {
        if (word.length < LIMITS.minPrefixLength || words.length > 1) {
          problems.push({ code: 'CHECKLIST_PREFIX_TOO_SHORT', path: termPath, params: { term, min: LIMITS.minPrefixLength } });
          return;
        }
        keys.push(lexicon.addPrefix(word));
      } else {
        const key = lexicon.addLemma(word);
        if (key === null) {
          problems.push({ code: 'CHECKLIST_UNKNOWN_WORD', path: termPath, params: { term, word } });
          return;
        }
        keys.push(key);
      }
    }
    seqs.push({ type: 'seq', keys });
  });
  return seqs.length === 1 ? seqs[0]! : { type: 'any', children: seqs };
}

/** The earliest match of `matcher` in the clause, or null. `none` matches (with no tokens) when no child does. */
export function evaluate(matcher: CompiledMatcher, index: ClauseIndex): Hit | null {
  switch (matcher.type) {
    case 'seq':
      return findSequence(matcher.keys, index);
    case 'all': {
      let hit: Hit = [];
      for (const child of matcher.children) {
        const childHit = evaluate(child, index);
        if (!childHit) return null;
        if (childHit.length > 0) hit = hit.length === 0 ? childHit : hit.concat(childHit);
      }
      return hit;
    }
    case 'any': {
      let best: Hit | null = null;
      for (const child of matcher.children) {
        const childHit = evaluate(child, index);
        if (childHit && (!best || firstToken(childHit) < firstToken(best))) best = childHit;
      }
      return best;
    }
    case 'none':
      for (const child of matcher.children) if (evaluate(child, index)) return null;
      return [];
    case 'near':
      return findNear(matcher.items, matcher.within, index);
  }
}

/**
 * The earliest place where one occurrence of every item fits in a window of `within` words. For
 * each occurrence of the first item, every other item takes its occurrence nearest to it; linear in
 * the occurrences, which are few (only words of the checklist have keys).
 */
function findNear(items: ReadonlyArray<ReadonlyArray<{ keys: string[] }>>, within: number, index: ClauseIndex): Hit | null {
  const occurrences = items.map((seqs) => seqs.flatMap((seq) => allSequences(seq.keys, index)).sort((a, b) => a[0]!.token - b[0]!.token));
  if (occurrences.some((list) => list.length === 0)) return null;
  let best: Hit | null = null;
  for (const anchor of occurrences[0]!) {
    const chosen = [anchor];
    for (let i = 1; i < occurrences.length; i++) chosen.push(nearestTo(occurrences[i]!, anchor[0]!.token));
    const hit = chosen.flat();
    let first = Number.MAX_SAFE_INTEGER;
    let last = -1;
    for (const h of hit) {
      if (h.token < first) first = h.token;
      if (h.token > last) last = h.token;
    }
    if (last - first + 1 <= within && (!best || first < firstToken(best))) best = hit;
  }
  return best;
}

/** The occurrence starting nearest to `token`; occurrences are in text order, so a binary search. */
function nearestTo(sorted: readonly Hit[], token: number): Hit {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![0]!.token < token) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo]!;
  const before = sorted[lo - 1];
  return before && token - before[0]!.token <= after[0]!.token - token ? before : after;
}

function allSequences(keys: readonly string[], index: ClauseIndex): Hit[] {
  const hits: Hit[] = [];
  for (const start of index.positions.get(keys[0]!) ?? []) {
    let ok = true;
    for (let j = 1; j < keys.length && ok; j++) ok = index.keys[start + j]?.includes(keys[j]!) ?? false;
    if (ok) hits.push(keys.map((key, j) => ({ token: start + j, key })));
  }
  return hits;
}

function firstToken(hit: Hit): number {
  let first = Number.MAX_SAFE_INTEGER;
  for (const h of hit) if (h.token < first) first = h.token;
  return first;
}

function findSequence(keys: readonly string[], index: ClauseIndex): Hit | null {
  const starts = index.positions.get(keys[0]!);
  if (!starts) return null;
  outer: for (const start of starts) {
    for (let j = 1; j < keys.length; j++) {
      const tokenKeys = index.keys[start + j];
      if (!tokenKeys || !tokenKeys.includes(keys[j]!)) continue outer;
    }
    return keys.map((key, j) => ({ token: start + j, key }));
  }
  return null;
}
