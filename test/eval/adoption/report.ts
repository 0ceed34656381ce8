import { ADOPTION_STATUSES } from '../../../shared/readings/adoption-status';
import { accuracy, confusion, loadPairs, runPairs, type Split } from './pairs';

const SPLIT_LINES: ReadonlyArray<[Split, string]> = [
  ['dev', 'development set (tuned on it)'],
  ['heldout-seen', 'first held-out set (seen, its misses used)'],
  ['heldout2', 'new held-out set (never tuned on)'],
];

/** Printed by `npm run eval`: accuracy of the adoption-status detector, each part of the labelled set apart. */
export function printAdoptionReport(): void {
  const outcomes = runPairs(loadPairs());
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const part = (split: Split) => outcomes.filter((o) => o.pair.split === split);
  const correct = (list: typeof outcomes) => `${list.filter((o) => o.correct).length}/${list.length}`;
  console.log(`\nAdoption status of recommendations on ${outcomes.length} labelled pairs (test/eval/adoption/labelled-pairs.yml)`);
  console.log(`  Russian ${outcomes.filter((o) => o.pair.lang === 'ru').length}, Kyrgyz ${outcomes.filter((o) => o.pair.lang === 'ky').length}`);
  for (const [split, label] of SPLIT_LINES) {
    const list = part(split);
    const ky = list.filter((o) => o.pair.lang === 'ky');
    console.log(`  ${`${label}:`.padEnd(44)} ${correct(list)} = ${pct(accuracy(list))}   (Kyrgyz ${correct(ky)})`);
  }
  console.log(`  ${'overall:'.padEnd(44)} ${correct(outcomes)} = ${pct(accuracy(outcomes))}   target ≥ 90 %`);
  const table = confusion(outcomes);
  console.log(`\n  ${'label \\ detected'.padEnd(16)} ${ADOPTION_STATUSES.map((s) => s.padStart(15)).join('')}`);
  for (const label of ADOPTION_STATUSES)
    console.log(`  ${label.padEnd(16)} ${ADOPTION_STATUSES.map((s) => String(table.get(label)!.get(s)).padStart(15)).join('')}`);
  const wrong = outcomes.filter((o) => !o.correct);
  if (wrong.length) {
    console.log(`\n  ${wrong.length} disagreement(s):`);
    for (const o of wrong) console.log(`    ${o.pair.id} (${o.pair.split}) labelled ${o.pair.label}, detected ${o.result.status}: ${o.pair.reason}`);
  }
}
