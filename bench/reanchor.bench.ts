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
// «touched» places all 1,000 on units an operation changed (a stress set). Then: compare two Criminal
// Code versions and carry 500 findings, < 1 s.
//
// Protocol. DEVELOPMENT seeds have been looked at while building and tuning the aligner and the carrier:
// 1–3, 101–103 (first session), 201–203 (held out then, examined since), 11 and 12 (the test's seeds);
// 501–530 were added while working (the restated parts' letter share that sets the carrier's SIMILAR
// bar; two aligner errors found there). HELD-OUT seeds 401–406 were chosen and committed (2026-12-07,
// 04:08 UTC) before the carrier's change for the touched set and run once, after it; nothing was tuned
// on them. REANCHOR_SEEDS picks one set: `development` (what to use while working on the carrier),
// `"development 501–530"` or `held-out`; all three by default.
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

const DEVELOPMENT = [1, 2, 3, 11, 12, 101, 102, 103, 201, 202, 203];
const CALIBRATION = Array.from({ length: 30 }, (_, i) => 501 + i);
const HELD_OUT = [401, 402, 403, 404, 405, 406];
const which = process.env.REANCHOR_SEEDS ?? 'all';
const sets = [
  ['development', DEVELOPMENT],
  ['development 501–530', CALIBRATION],
  ['held-out', HELD_OUT],
] as const;

interface Sum {
  n: number;
  ok: number;
  wrong: number;
  lost: number;
  needless: number;
  changed: number;
  worst: number;
}
const sums = new Map<string, Sum>();
const add = (key: string, e: Evaluation) => {
  const s = sums.get(key) ?? { n: 0, ok: 0, wrong: 0, lost: 0, needless: 0, changed: 0, worst: 1 };
  const v = e.verdicts;
  const ok = v.right + v['orphaned-correctly'];
  s.n += e.annotations;
  s.ok += ok;
  s.wrong += v.wrong;
  s.lost += v.lost;
  s.needless += v['orphaned-needlessly'];
  s.changed += v['flagged-changed-needlessly'];
  s.worst = Math.min(s.worst, ok / e.annotations);
  sums.set(key, s);
};
for (const [set, seeds] of sets) {
  if (which !== 'all' && which !== set) continue;
  for (const [name, old, pool] of [
    ['Criminal Code', criminal, sentencePool(family)],
    ['Family Code', family, sentencePool(criminal)],
  ] as const) {
    for (const seed of seeds) {
      for (const touched of [false, true]) {
        const e = evaluate(name, old, pool, seed, 1000, touched);
        const mode = touched ? 'touched' : 'uniform';
        line(e, `${set} ${mode}`);
        for (const x of e.examples.filter((x) => x.verdict === 'wrong')) console.log(`    WRONG ${JSON.stringify(x)}`);
        add(`${set} ${mode}`, e);
      }
    }
  }
}
for (const [key, s] of sums)
  figure(
    key,
    `${s.n} annotations: ${((100 * s.ok) / s.n).toFixed(2)} % right (worst run ${(100 * s.worst).toFixed(1)} %), ${s.wrong} wrong, ${s.lost} lost, ` +
      `${s.needless} orphaned needlessly, ${s.changed} flagged changed needlessly`,
  );

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
