import { walkClauses, type ClauseTree } from '../shared/clause';
import { alignTrees } from '../shared/versions/align';
import { Carrier } from '../shared/versions/reanchor';
import { importDraft } from '../server/import/import-draft';
import { corpusAvailable, readCorpus } from '../test/helpers/corpus';
import { amend, defaultOperations, evaluate, placeAnnotations, sentencePool, type Evaluation } from '../test/versions/amend';
import { figure, measure } from './lib';

// Re-anchoring across versions (issue 16): new readings of the Criminal Code and the Family Code made
// by seeded amendment operations (insert «Статья N-1», renumber from a chapter on, reword words, restate
// a part, delete an article, move a part, split an article; test/versions/amend.ts), 1,000 annotations
// on random words of the old version, each judged against where its characters really went.
// Targets: ≥ 99 % right (placed on the right words, or orphaned where its words are gone), 0 wrong, 0 lost.
// Seeds 1–3 and 101–103 were examined while building the aligner (tuning); 201–203 are held out. «touched» places all 1,000 on
// units an operation changed (a stress set). Then: compare two Criminal Code versions and carry 500
// findings, < 1 s.
const FILES = { criminal: 'kg_criminal_code_2021_ru.txt', family: 'kg_family_code_2003_ru.txt' } as const;

if (!corpusAvailable()) {
  console.log('../shared/corpus not found: the re-anchoring benchmark is SKIPPED.');
  process.exit(0);
}

const tree = (file: string): ClauseTree => importDraft(new TextEncoder().encode(readCorpus(file)), { fileName: file, maxInflatedBytes: 1e8 }).tree;
const criminal = tree(FILES.criminal);
const family = tree(FILES.family);

function line(e: Evaluation, mode: string): void {
  const v = e.verdicts;
  const ok = v.right + v['orphaned-correctly'];
  figure(
    `${e.file} seed ${e.seed} ${mode}`,
    `right ${v.right}, orphaned correctly ${v['orphaned-correctly']}, orphaned needlessly ${v['orphaned-needlessly']}, ` +
      `flagged changed ${v['flagged-changed-needlessly']}, WRONG ${v.wrong}, LOST ${v.lost} → ${((100 * ok) / e.annotations).toFixed(1)} % right`,
  );
}

const totals = { n: 0, ok: 0, wrong: 0, lost: 0 };
const held = { n: 0, ok: 0, wrong: 0, lost: 0 };
for (const [name, old, pool] of [
  ['Criminal Code', criminal, sentencePool(family)],
  ['Family Code', family, sentencePool(criminal)],
] as const) {
  for (const seed of [1, 2, 3, 101, 102, 103, 201, 202, 203]) {
    for (const touched of [false, true]) {
      const e = evaluate(name, old, pool, seed, 1000, touched);
      line(e, `${seed > 200 ? 'held-out' : 'tuning'} ${touched ? 'touched' : 'uniform'}`);
      totals.n += e.annotations;
      totals.ok += e.verdicts.right + e.verdicts['orphaned-correctly'];
      totals.wrong += e.verdicts.wrong;
      totals.lost += e.verdicts.lost;
      if (seed > 200) {
        held.n += e.annotations;
        held.ok += e.verdicts.right + e.verdicts['orphaned-correctly'];
        held.wrong += e.verdicts.wrong;
        held.lost += e.verdicts.lost;
      }
    }
  }
}
figure('held-out runs (201–203)', `${held.n} annotations: ${((100 * held.ok) / held.n).toFixed(2)} % right, ${held.wrong} wrong, ${held.lost} lost`);
figure('all runs', `${totals.n} annotations: ${((100 * totals.ok) / totals.n).toFixed(2)} % right, ${totals.wrong} wrong, ${totals.lost} lost`);

// Timing: the alignment of two Criminal Code versions and 500 findings carried (the server's work when a
// reading is added, the import of the file aside).
const version = amend(criminal, 1, defaultOperations(criminal), sentencePool(family));
const findings = placeAnnotations(version, 500, 5);
const texts = (t: ClauseTree) => {
  const m = new Map<string, string>();
  for (const [c] of walkClauses(t.clauses)) if (!m.has(c.id)) m.set(c.id, c.text);
  return m;
};
await measure('compare two Criminal Code versions + carry 500 findings', () => {
  const alignment = alignTrees(version.oldTree, version.newTree);
  const carrier = new Carrier(texts(version.oldTree), texts(version.newTree), alignment);
  for (const f of findings) carrier.carry(f);
}, 5);
await measure('  of which the comparison (alignTrees)', () => alignTrees(version.oldTree, version.newTree), 5);
