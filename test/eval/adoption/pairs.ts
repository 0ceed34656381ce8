import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ADOPTION_STATUSES, detectAdoption, type AdoptionResult, type AdoptionStatus } from '../../../shared/readings/adoption-status';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labelled-pairs.yml');

const pair = z.strictObject({
  id: z.string(),
  lang: z.enum(['ru', 'ky']),
  criticised: z.string().min(1),
  drafted: z.string().min(5),
  proposed: z.string().min(5).nullable(),
  next: z.string().min(1).nullable(),
  label: z.enum(ADOPTION_STATUSES),
  reason: z.string().min(3),
});
/**
 * dev: tuned on; heldout-seen: the first held-out part, kept out of the first tuning and then seen
 * (its misses informed the second round); heldout2: written before the second round, never tuned on.
 */
export const SPLITS = ['dev', 'heldout-seen', 'heldout2'] as const;
export type Split = (typeof SPLITS)[number];
const dataset = z.strictObject({ dev: z.array(pair), 'heldout-seen': z.array(pair), heldout2: z.array(pair) });
export type LabelledPair = z.infer<typeof pair> & { split: Split };

export function loadPairs(): LabelledPair[] {
  const data = dataset.parse(parse(fs.readFileSync(DATA, 'utf8')));
  return SPLITS.flatMap((split) => data[split].map((p) => ({ ...p, split })));
}

export interface PairOutcome {
  pair: LabelledPair;
  result: AdoptionResult;
  correct: boolean;
}

export function runPairs(pairs: readonly LabelledPair[]): PairOutcome[] {
  return pairs.map((p) => {
    const result = detectAdoption({ criticised: p.criticised, drafted: p.drafted, proposed: p.proposed, next: p.next, lang: p.lang });
    return { pair: p, result, correct: result.status === p.label };
  });
}

export function accuracy(outcomes: readonly PairOutcome[]): number {
  return outcomes.length ? outcomes.filter((o) => o.correct).length / outcomes.length : 0;
}

/** Rows: the label; columns: what the detector said. */
export function confusion(outcomes: readonly PairOutcome[]): Map<AdoptionStatus, Map<AdoptionStatus, number>> {
  const table = new Map(ADOPTION_STATUSES.map((s) => [s, new Map(ADOPTION_STATUSES.map((t) => [t, 0]))]));
  for (const o of outcomes) table.get(o.pair.label)!.set(o.result.status, table.get(o.pair.label)!.get(o.result.status)! + 1);
  return table;
}
