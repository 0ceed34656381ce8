import type { Matcher } from './format';
import { LIMITS } from './format';
import type { Lexicon } from './lexicon';
import type { ChecklistProblem, DataPath } from './problems';
import { termWords } from './tokenize';

/** A compiled matcher: a sequence of word keys, or a combination. */
export type CompiledMatcher =
  | { type: 'seq'; keys: string[] }
  | { type: 'all' | 'any' | 'none'; children: CompiledMatcher[] };

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
  }
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
