import { walkClauses, type ClauseKind, type ClauseTree } from '../clause';
import { wordDiff } from './word-diff';

/**
 * Reads the instructions back from a base act and the act as amended, one per changed unit, in a normal form:
 * words replaced, inserted or excluded within a unit, a unit restated (most of its words changed), added,
 * taken out or repealed. Where an instruction's words are in the unit once, applying and comparing are inverse.
 */
export type ComparedInstruction =
  | { unitId: string; operation: 'replace_words'; oldWords: string; newWords: string }
  | { unitId: string; operation: 'supplement_words'; newWords: string }
  | { unitId: string; operation: 'exclude_words'; oldWords: string }
  | { unitId: string; operation: 'restate'; newText: string }
  | { unitId: string; operation: 'add_unit'; kind: ClauseKind; newText: string }
  | { unitId: string; operation: 'exclude_unit' }
  | { unitId: string; operation: 'repeal' };

export function compareActs(base: ClauseTree, amended: ClauseTree): ComparedInstruction[] {
  const before = new Map<string, { text: string; repealed: boolean }>();
  for (const [c] of walkClauses(base.clauses)) before.set(c.id, { text: c.text, repealed: !!c.repealed });
  const out: ComparedInstruction[] = [];
  const seen = new Set<string>();
  for (const [c, parents] of walkClauses(amended.clauses)) {
    seen.add(c.id);
    const old = before.get(c.id);
    if (!old) {
      // a unit added with units under it is one instruction
      if (parents.some((p) => !before.has(p.id))) continue;
      out.push({ unitId: c.id, operation: 'add_unit', kind: c.kind, newText: c.text });
      continue;
    }
    if (old.text === c.text) continue;
    if (c.repealed && !old.repealed) {
      out.push({ unitId: c.id, operation: 'repeal' });
      continue;
    }
    out.push(readChange(c.id, old.text, c.text));
  }
  for (const [c, parents] of walkClauses(base.clauses)) {
    if (seen.has(c.id) || parents.some((p) => !seen.has(p.id))) continue;
    out.push({ unitId: c.id, operation: 'exclude_unit' });
  }
  return out;
}

function readChange(unitId: string, before: string, after: string): ComparedInstruction {
  const segments = wordDiff(before, after);
  const changed = segments.filter((s) => s.kind !== 'same');
  const del = changed.filter((s) => s.kind === 'del').map((s) => s.text.trim());
  const ins = changed.filter((s) => s.kind === 'ins').map((s) => s.text.trim());
  const sameWords = segments.filter((s) => s.kind === 'same').reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
  const changedWords = changed.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
  // one place changed, and less than the words kept: words; anything else is the unit written anew
  const onePlace = del.length <= 1 && ins.length <= 1 && segments.filter((s) => s.kind === 'same').length <= 2;
  if (!onePlace || changedWords > sameWords) return { unitId, operation: 'restate', newText: after };
  if (del.length === 1 && ins.length === 1) return { unitId, operation: 'replace_words', oldWords: del[0]!, newWords: ins[0]! };
  if (ins.length === 1) return { unitId, operation: 'supplement_words', newWords: ins[0]! };
  return { unitId, operation: 'exclude_words', oldWords: del[0]! };
}
