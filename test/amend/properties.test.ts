import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AmendmentInfo, Clause, ClauseTree } from '../../shared/clause';
import { applyAmendments } from '../../shared/amend/apply';
import { compareActs, type ComparedInstruction } from '../../shared/amend/compare';
import type { Instruction } from '../../shared/amend/instructions';
import { findWords } from '../../shared/amend/words';
import { wordDiff } from '../../shared/amend/word-diff';

/**
 * Applying then comparing gives back exactly the instructions: random acts (articles of parts made of words
 * of one vocabulary), random instructions of every operation on distinct parts (new words from another
 * vocabulary, words chosen where they stand once), applied; the base act and the result compared unit by unit.
 */
const OLD_WORDS = 'право семья брак ребенок суд орган закон мать отец супруг опека труд пособие отпуск защита гарантия порядок срок лицо гражданин заявление решение учет доход'.split(' ');
const NEW_WORDS = 'равенство квота родитель попечитель медиация доступ услуга пособник куратор посредник'.split(' ');

interface Plan {
  articles: string[][][]; // article → part → words
  ops: Array<{ kind: number; pick: number; span: number; words: string[] }>;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  articles: fc.array(fc.array(fc.array(fc.constantFrom(...OLD_WORDS), { minLength: 8, maxLength: 14 }), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
  ops: fc.array(
    fc.record({
      kind: fc.integer({ min: 0, max: 6 }),
      pick: fc.nat(),
      span: fc.integer({ min: 1, max: 3 }),
      words: fc.array(fc.constantFrom(...NEW_WORDS), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

function buildTree(articles: string[][][]): ClauseTree {
  const clauses: Clause[] = articles.map((parts, ai) => {
    const a = ai + 1;
    return {
      id: `a${a}` as Clause['id'],
      kind: 'article',
      number: String(a),
      label: `Статья ${a}`,
      title: `Заголовок ${a}`,
      text: `Статья ${a}. Заголовок ${a}`,
      children: parts.map((words, pi) => ({
        id: `a${a}.p${pi + 1}` as Clause['id'],
        kind: 'part',
        number: String(pi + 1),
        label: `Статья ${a}, часть ${pi + 1}`,
        text: `${pi + 1}. ${words.join(' ')}.`,
        children: [],
      })),
    };
  });
  return { meta: { language: 'ru', actKind: 'law', title: 'Закон', date: null, number: null, isDraft: false }, clauses };
}

/**
 * A span of words of the part that stands in it once (never its last word, which carries the stop). For words
 * taken out, the words beside the span must differ from its edges: «право гарантия право» less «право гарантия»
 * and less «гарантия право» read the same, and no comparison can tell which an instruction named.
 */
function uniqueSpan(text: string, words: string[], pick: number, span: number, removal = false): string | null {
  for (let k = 0; k < words.length; k++) {
    const start = (pick + k) % Math.max(1, words.length - span);
    const candidate = words.slice(start, start + span).join(' ');
    const clear = !removal || (words[start - 1] !== words[start + span - 1] && words[start + span] !== words[start]);
    if (clear && start + span < words.length && findWords(text, candidate).length === 1) return candidate;
  }
  return null;
}

function instructionsFor(p: Plan, tree: ClauseTree): { instructions: Instruction[]; expected: ComparedInstruction[] } {
  const parts = tree.clauses.flatMap((a) => a.children.map((c) => ({ article: a, part: c })));
  const used = new Set<string>();
  const instructions: Instruction[] = [];
  const expected: ComparedInstruction[] = [];
  const added = new Set<string>();
  p.ops.forEach((op, n) => {
    const id = `i${n + 1}`;
    const push = (info: AmendmentInfo, quoted: Clause[] = []): void => {
      instructions.push({ id, label: id, text: id, info, quoted });
    };
    if (op.kind === 6) {
      // a new part at the end of an article
      const a = tree.clauses[op.pick % tree.clauses.length]!;
      if (added.has(a.id)) return;
      added.add(a.id);
      const num = a.children.length + 1;
      const text = `${num}. ${op.words.join(' ')}.`;
      push({ operation: 'supplement', target: { article: a.number! }, added: `частью ${num}`, newWords: text }, [
        { id: `${id}.q.p${num}` as Clause['id'], kind: 'part', number: String(num), label: `часть ${num}`, text: `«${text}»;`, quoted: true, children: [] },
      ]);
      expected.push({ unitId: `${a.id}.p${num}`, operation: 'add_unit', kind: 'part', newText: text });
      return;
    }
    const { article, part } = parts[op.pick % parts.length]!;
    if (used.has(part.id)) return;
    used.add(part.id);
    const target = { article: article.number!, part: part.number! };
    const words = part.text.replace(/^\d+\. /, '').replace(/\.$/, '').split(' ');
    const newWords = op.words.join(' ');
    switch (op.kind) {
      case 0: {
        const old = uniqueSpan(part.text, words, op.pick, op.span);
        if (!old) return;
        push({ operation: 'replace_words', target, oldWords: old, newWords });
        expected.push({ unitId: part.id, operation: 'replace_words', oldWords: old, newWords });
        return;
      }
      case 1: {
        const old = uniqueSpan(part.text, words, op.pick, Math.min(op.span, 2), true);
        if (!old) return;
        push({ operation: 'exclude', target, oldWords: old });
        expected.push({ unitId: part.id, operation: 'exclude_words', oldWords: old });
        return;
      }
      case 2: {
        const anchor = uniqueSpan(part.text, words, op.pick, 1);
        if (!anchor) return;
        push({ operation: 'supplement', target, newWords, anchor: { position: op.pick % 2 === 0 ? 'after' : 'before', words: anchor } });
        expected.push({ unitId: part.id, operation: 'supplement_words', newWords });
        return;
      }
      case 3: {
        const text = `${part.number}. ${[...op.words, ...NEW_WORDS].slice(0, 6).join(' ')}.`;
        push({ operation: 'restate', target, newWords: text }, [
          { id: `${id}.q.p${part.number}` as Clause['id'], kind: 'part', number: part.number, label: '', text: `«${text}»;`, quoted: true, children: [] },
        ]);
        expected.push({ unitId: part.id, operation: 'restate', newText: text });
        return;
      }
      case 4:
        push({ operation: 'repeal', target });
        expected.push({ unitId: part.id, operation: 'repeal' });
        return;
      default:
        push({ operation: 'exclude', target });
        expected.push({ unitId: part.id, operation: 'exclude_unit' });
    }
  });
  return { instructions, expected };
}

const byUnit = (a: ComparedInstruction, b: ComparedInstruction): number => a.unitId.localeCompare(b.unitId);

describe('applying then comparing', () => {
  it('gives back exactly the instructions', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const tree = buildTree(p.articles);
        const { instructions, expected } = instructionsFor(p, tree);
        const outcome = applyAmendments(instructions, [{ key: 'k', title: 'Закон', tree }]);
        expect(outcome.results.filter((r) => r.status !== 'applied')).toEqual([]);
        expect(compareActs(tree, outcome.acts[0]!.tree).sort(byUnit)).toEqual([...expected].sort(byUnit));
      }),
      { numRuns: 300 },
    );
  });

  it('the word diff joins back to both texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OLD_WORDS, ...NEW_WORDS, ',', '.')), fc.array(fc.constantFrom(...OLD_WORDS, ...NEW_WORDS, ',', '.')), (x, y) => {
        const a = x.join(' ');
        const b = y.join(' ');
        const d = wordDiff(a, b);
        expect(d.filter((s) => s.kind !== 'ins').map((s) => s.text).join('')).toBe(a);
        expect(d.filter((s) => s.kind !== 'del').map((s) => s.text).join('')).toBe(b);
      }),
    );
  });
});
