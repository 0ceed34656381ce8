import type { Clause, ClauseTree } from '../shared/clause';
import { analyse } from '../shared/checklist/engine';
import type { ClauseId } from '../shared/ids';
import { loadRussianMorphology } from '../server/checklist/az-morphology';
import { parseDraft } from '../server/import/parse';
import type { SourceDocument } from '../server/import/source';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../server/checklist/service';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { figure, measure, peakRssMb } from './lib';

// Checklist engine: morphology load, checklist compile (with all examples run), and a scan of the
// whole Criminal Code (target < 150 ms once the morphology is loaded).

let start = performance.now();
await loadRussianMorphology();
figure('az morphology load (Az.Morph.init, once per process)', `${(performance.now() - start).toFixed(1)} ms  peak RSS ${peakRssMb()} MB`);

start = performance.now();
const { checklist } = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID)!;
figure(
  'checklist load: YAML, schema, compile, run examples',
  `${(performance.now() - start).toFixed(1)} ms  (${checklist.detectors.length} detectors)`,
);
await measure('checklist reload (compile + examples, az loaded)', () => loadChecklists({ reload: true }), 5);

/** The code as a clause tree: one clause per article heading, its lines as parts. */
function codeTree(text: string): ClauseTree {
  const clauses: Clause[] = [];
  let article: Clause | null = null;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const clause: Clause = { id: `l${i}` as ClauseId, kind: 'part', number: null, label: '', text: line, children: [] };
    if (/^Статья \S+?\./.test(line)) {
      article = { ...clause, kind: 'article' };
      clauses.push(article);
    } else if (article) article.children.push(clause);
    else clauses.push({ ...clause, kind: 'text' });
  });
  return { meta: { language: 'ru', actKind: 'code', title: null, date: null, number: null, isDraft: false }, clauses };
}

if (corpusAvailable('kg_criminal_code_2021_ru.txt')) {
  const text = readCorpus('kg_criminal_code_2021_ru.txt');
  const tree = codeTree(text);
  let count = 0;
  for (const _ of (function* walk(cs: Clause[]): Generator<Clause> { for (const c of cs) { yield c; yield* walk(c.children); } })(tree.clauses)) count++;
  figure('Criminal Code 2021', `${(text.length / 1000).toFixed(0)}k characters, ${count} clauses`);
  let findings = 0;
  await measure('scan the whole Criminal Code (all detectors)', () => {
    findings = analyse(tree, checklist).length;
  }, 9);
  figure('findings on the Criminal Code', String(findings));

  // The same code as the import builds it (articles, parts, items), to follow the real tree shape.
  const paragraphs = text
    .split('\n')
    .map((line, i) => ({ text: line, line: i + 2 }))
    .filter((p) => p.text.trim() !== '');
  const parsed = parseDraft({ format: 'text', paragraphs, warnings: [] } as unknown as SourceDocument).tree;
  await measure('scan the whole Criminal Code (tree from the import parser)', () => {
    findings = analyse(parsed, checklist).length;
  }, 9);
  figure('findings on the parsed Criminal Code', String(findings));
} else {
  figure('scan the whole Criminal Code', 'SKIPPED: ../shared/corpus not found');
}
