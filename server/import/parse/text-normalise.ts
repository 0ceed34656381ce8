import type { Clause, ClauseTree } from '../../../shared/clause';

// Invisible characters Word and web pages scatter through a text; they carry no reading.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Hyphen, figure dash, en and em dash, minus and their look-alikes read as one dash.
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
// Every run of white space, NBSP and the narrow and typographic spaces included.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/gu;

/**
 * The text as a reader hears it: NFC, one space for any run of white space (NBSP and line breaks
 * included), one kind of dash, no invisible characters. Used to prove the parser loses and invents
 * nothing: normaliseText(clauseTreeText(tree)) === normaliseText(source text).
 */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, ' ').trim();
}

/** Every clause text of the tree in document order (depth first), one per line. */
export function clauseTreeText(tree: ClauseTree | readonly Clause[]): string {
  const roots = 'clauses' in tree ? tree.clauses : tree;
  const out: string[] = [];
  // An explicit stack instead of recursion: deep amendment trees never reach the call-stack limit.
  const stack: Clause[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length > 0) {
    const clause = stack.pop()!;
    out.push(clause.text);
    for (let i = clause.children.length - 1; i >= 0; i--) stack.push(clause.children[i]!);
  }
  return out.join('\n');
}
