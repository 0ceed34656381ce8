import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AmendmentInfo, Clause, ClauseTree } from '../../shared/clause';
import { applyAmendments } from '../../shared/amend/apply';
import { compareActs } from '../../shared/amend/compare';
import type { Instruction } from '../../shared/amend/instructions';
import { findWords } from '../../shared/amend/words';

/**
 * Sentence instructions against a model: random parts of two to five sentences (words of one vocabulary, the same
 * words often in several sentences), up to two random sentence instructions per part — words replaced in sentence
 * n (words that stand once in that sentence, anywhere else too), sentence n excluded or restated, two sentences
 * excluded at once, words added at the end of sentence n, a sentence added at the end or after sentence n — worded as a drafter words them. The model keeps a list of the printed
 * sentences (one taken out still counts, one added does not); applying must give exactly its text, change only
 * the parts named, and comparing the acts must name exactly those parts.
 */
const WORDS = 'право семья брак ребенок суд орган закон мать отец супруг опека труд пособие отпуск'.split(' ');
const NEW_WORDS = 'равенство квота родитель попечитель медиация доступ услуга'.split(' ');
const NOM = ['первое', 'второе', 'третье', 'четвертое', 'пятое'];
const LOC = ['первом', 'втором', 'третьем', 'четвертом', 'пятом'];
const GEN = ['первого', 'второго', 'третьего', 'четвертого', 'пятого'];

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const sentenceOf = (words: readonly string[]): string => `${cap(words[0]!)} ${words.slice(1).join(' ')}.`;

interface Op {
  kind: number;
  pick: number;
  span: number;
  words: string[];
}
const plan = fc.record({
  parts: fc.array(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 4, maxLength: 7 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  ops: fc.array(
    fc.record({ kind: fc.integer({ min: 0, max: 6 }), pick: fc.nat(), span: fc.integer({ min: 1, max: 2 }), words: fc.array(fc.constantFrom(...NEW_WORDS), { minLength: 2, maxLength: 4 }) }),
    { minLength: 1, maxLength: 8 },
  ),
});

function buildTree(parts: string[][][]): ClauseTree {
  const article: Clause = {
    id: 'a1' as Clause['id'],
    kind: 'article',
    number: '1',
    label: 'Статья 1',
    text: 'Статья 1. Заголовок',
    children: parts.map((sentences, i) => ({
      id: `a1.p${i + 1}` as Clause['id'],
      kind: 'part',
      number: String(i + 1),
      label: `Статья 1, часть ${i + 1}`,
      text: `${i + 1}. ${sentences.map(sentenceOf).join(' ')}`,
      children: [],
    })),
  };
  return { meta: { language: 'ru', actKind: 'law', title: 'Закон', date: null, number: null, isDraft: false }, clauses: [article] };
}

interface Slot {
  text: string | null;
  printed: boolean;
}

describe('sentence instructions against a model of the printed sentences', () => {
  it('apply to the sentence named only, counted as printed', () => {
    fc.assert(
      fc.property(plan, ({ parts, ops }) => {
        const tree = buildTree(parts);
        const model: Slot[][] = parts.map((s) => s.map((words) => ({ text: sentenceOf(words), printed: true })));
        const perPart = new Map<number, number>();
        const instructions: Instruction[] = [];
        ops.forEach((op: Op, n) => {
          const p = op.pick % parts.length;
          if ((perPart.get(p) ?? 0) >= 2) return;
          const slots = model[p]!;
          const printed = slots.filter((s) => s.printed);
          const live = printed.map((s, i) => ({ s, i })).filter(({ s }) => s.text !== null);
          const { s: slot, i: k } = live[(op.pick >> 2) % live.length]!;
          const target = { article: '1', part: String(p + 1) };
          const fresh = sentenceOf(op.words);
          let text: string;
          let info: AmendmentInfo;
          if (op.kind === 0) {
            const words = slot.text!.slice(0, -1).split(' ');
            let old: string | null = null;
            for (let j = 1; j + op.span <= words.length && old === null; j++) {
              const c = words.slice(j, j + op.span).join(' ');
              if (findWords(slot.text!, c).length === 1) old = c;
            }
            if (old === null) return;
            const neu = op.words.join(' ');
            text = `в ${LOC[k]} предложении части ${p + 1} слова «${old}» заменить словами «${neu}»;`;
            info = { operation: 'replace_words', target, oldWords: old, newWords: neu };
            const at = findWords(slot.text!, old)[0]!;
            slot.text = slot.text!.slice(0, at) + neu + slot.text!.slice(at + old.length);
          } else if (op.kind === 1) {
            if (live.length < 2) return;
            text = `${NOM[k]} предложение части ${p + 1} исключить;`;
            info = { operation: 'exclude', target };
            slot.text = null;
          } else if (op.kind === 5) {
            // two sentences taken out at once
            if (live.length < 3) return;
            const other = live[((op.pick >> 2) + 1) % live.length]!;
            const [x, y] = [{ s: slot, i: k }, other].sort((a, b) => a.i - b.i);
            text = `${NOM[x!.i]} и ${NOM[y!.i]} предложения части ${p + 1} исключить;`;
            info = { operation: 'exclude', target };
            x!.s.text = null;
            y!.s.text = null;
          } else if (op.kind === 6) {
            // words at the end of the sentence, before its stop
            const neu = op.words.join(' ');
            text = `${NOM[k]} предложение части ${p + 1} дополнить словами «${neu}»;`;
            info = { operation: 'supplement', target, newWords: neu };
            slot.text = `${slot.text!.slice(0, -1)} ${neu}.`;
          } else if (op.kind === 2) {
            text = `${NOM[k]} предложение части ${p + 1} изложить в следующей редакции: «${fresh}»;`;
            info = { operation: 'restate', target, newWords: fresh };
            slot.text = fresh;
          } else {
            const after = op.kind === 4;
            text = `часть ${p + 1} ${after ? `после ${GEN[k]} предложения ` : ''}дополнить предложением следующего содержания: «${fresh}»;`;
            info = { operation: 'supplement', target, newWords: fresh, added: 'предложением' };
            let at = after ? slots.indexOf(slot) + 1 : slots.length;
            while (after && at < slots.length && !slots[at]!.printed) at++;
            slots.splice(at, 0, { text: fresh, printed: false });
          }
          perPart.set(p, (perPart.get(p) ?? 0) + 1);
          instructions.push({ id: `i${n + 1}`, label: `i${n + 1}`, text, info, quoted: [] });
        });
        const outcome = applyAmendments(instructions, [{ key: 'k', title: 'Закон', tree }]);
        expect(outcome.results.filter((r) => r.status !== 'applied')).toEqual([]);
        const after = outcome.acts[0]!.tree.clauses[0]!.children;
        model.forEach((slots, p) => {
          const body = slots.flatMap((s) => (s.text === null ? [] : [s.text])).join(' ');
          expect(after[p]!.text).toBe(`${p + 1}. ${body}`);
        });
        const touched = [...perPart.keys()].map((p) => `a1.p${p + 1}`).sort();
        const compared = [...new Set(compareActs(tree, outcome.acts[0]!.tree).map((c) => c.unitId))].sort();
        // a restated sentence may read as it did (the same words drawn): such a part is not changed
        for (const id of compared) expect(touched).toContain(id);
        for (const id of touched) if (!compared.includes(id)) expect(after.find((c) => c.id === id)!.text).toBe(tree.clauses[0]!.children.find((c) => c.id === id)!.text);
      }),
      { numRuns: 300 },
    );
  });
});
