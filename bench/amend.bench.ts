import fs from 'node:fs';
import path from 'node:path';
import { walkClauses, type Clause, type ClauseTree } from '../shared/clause';
import { applyAmendments } from '../shared/amend/apply';
import { amendmentCandidates } from '../shared/amend/candidates';
import { analyseAmendments } from '../server/amend/engine';
import type { Instruction } from '../shared/amend/instructions';
import { renderConsolidatedHtml } from '../shared/amend/render';
import { findWords } from '../shared/amend/words';
import { importDraft } from '../server/import/import-draft';
import { CORPUS_DIR } from '../test/helpers/corpus';
import { figure, measure } from './lib';

// Issue 20: 200 instructions applied to the Civil Code (part I) and the consolidated act rendered as HTML.
// Budget: under 1 s. Then what a secretary's «attach» adds since the candidates are the review's (issue 20, second
// part): the checklist engine on the lines the 200 instructions write, the removal rules on the words they strike,
// and the candidates on their instructions — budget under 2 s, set before the first run. The instructions are made from the code itself by a fixed rule (every k-th unit with a word
// standing once in it; operations in turn), not tuned on the timing.
const FILE = 'kg_civil_code_part1_1996_ru.txt';
const file = path.join(CORPUS_DIR, FILE);

function instructionsFor(tree: ClauseTree, count: number): Instruction[] {
  const units: Array<{ c: Clause; article: Clause }> = [];
  for (const [c, parents] of walkClauses(tree.clauses)) {
    const article = parents.find((p) => p.kind === 'article');
    if (article && (c.kind === 'part' || c.kind === 'item') && c.children.length === 0 && c.text.split(' ').length > 6) units.push({ c, article });
  }
  const step = Math.max(1, Math.floor(units.length / count));
  const out: Instruction[] = [];
  for (let i = 0; out.length < count && i * step < units.length; i++) {
    const { c, article } = units[i * step]!;
    const target = { article: article.number!, ...(c.kind === 'part' ? { part: c.number! } : {}), ...(c.kind === 'item' ? { item: c.number! } : {}) };
    const word = c.text.split(' ').slice(1, -1).find((w) => /^[а-яё]{5,}$/u.test(w) && findWords(c.text, w).length === 1);
    const id = `b${out.length + 1}`;
    const base = { id, label: id, text: id, quoted: [] };
    switch (out.length % 5) {
      case 0:
        out.push({ ...base, info: word ? { operation: 'replace_words', target, oldWords: word, newWords: 'лиц независимо от пола' } : { operation: 'repeal', target } });
        break;
      case 1:
        out.push({ ...base, info: word ? { operation: 'supplement', target, newWords: 'и женщин', anchor: { position: 'after', words: word } } : { operation: 'repeal', target } });
        break;
      case 2:
        out.push({ ...base, info: word ? { operation: 'exclude', target, oldWords: word } : { operation: 'exclude', target } });
        break;
      case 3:
        out.push({ ...base, info: { operation: 'restate', target, newWords: `${c.number}. Новая редакция нормы о равных правах женщин и мужчин.` } });
        break;
      default:
        out.push({ ...base, info: { operation: 'repeal', target } });
    }
  }
  return out;
}

if (!fs.existsSync(file)) {
  console.log(`../shared/corpus/${FILE} not found: the amendment benchmark is SKIPPED.`);
} else {
  const raw = fs.readFileSync(file, 'utf8');
  const tree = importDraft(new TextEncoder().encode(raw.slice(raw.indexOf('\n') + 1)), { fileName: FILE, maxInflatedBytes: 100 << 20 }).tree;
  const instructions = instructionsFor(tree, 200);
  let clauses = 0;
  for (const _ of walkClauses(tree.clauses)) clauses++;
  figure('Civil Code part I', `${clauses} clauses; ${instructions.length} instructions`);
  const once = applyAmendments(instructions, [{ key: 'cc', title: 'Гражданский кодекс', tree }]);
  figure('applied / refused', `${once.results.filter((r) => r.status === 'applied').length} / ${once.results.filter((r) => r.status === 'failed').length}`);
  const html = renderConsolidatedHtml(once.acts[0]!);
  figure('consolidated HTML', `${(html.length / 1024).toFixed(0)} KiB`);
  await measure('apply 200 instructions + render the consolidated act (budget < 1000 ms)', () => renderConsolidatedHtml(applyAmendments(instructions, [{ key: 'cc', title: 'Гражданский кодекс', tree }]).acts[0]!), 7, 1);
  // the instructions as the draft would print them, for the candidates to stand on
  const draft: ClauseTree = {
    meta: { ...tree.meta, isDraft: true },
    clauses: instructions.map((i) => ({ id: i.id as Clause['id'], kind: 'amendment', number: null, label: i.label, text: `${i.id}) ${i.info.operation} «${i.info.oldWords ?? ''}» «${i.info.newWords ?? ''}»;`, children: [] })),
  };
  const candidates = async () => {
    const outcome = applyAmendments(instructions, [{ key: 'cc', title: 'Гражданский кодекс', tree }]);
    const analysis = await analyseAmendments(outcome.acts, outcome.results, 'ru');
    return amendmentCandidates({ draft, checklist: analysis.checklist, results: analysis.results, removals: analysis.removals });
  };
  const made = await candidates();
  figure('candidates on the instructions', `${made.filter((c) => c.amendment?.source === 'result').length} on the new wording, ${made.filter((c) => c.amendment?.source === 'removal').length} on words struck`);
  await measure('apply + engine on the lines written + removal rules + candidates, 200 instructions (budget < 2000 ms)', candidates, 5, 1);
}
