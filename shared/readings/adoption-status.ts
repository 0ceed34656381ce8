import { wordDiff, type DiffPart } from './word-diff';
import { guessLang, stemCounts, words, type TextLang, type Word } from './words';

/**
 * Did the committee take the Alliance's recommendation? The pre-filled status of a recommendation in
 * a later reading (issue 16), which the secretary confirms or corrects. Pure; compares the clause as
 * drafted, the proposed wording and the criticised words with the clause in the new reading.
 *
 * Measured on the labelled set test/eval/adoption/labelled-pairs.yml (`npm run eval`).
 */

export const ADOPTION_STATUSES = ['adopted', 'partly', 'not_adopted', 'not_applicable'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export interface AdoptionInput {
  /** The words the finding criticised (its quote). */
  criticised: string;
  /** The clause as drafted in the reading the recommendation was made on. */
  drafted: string;
  /** The proposed wording of the clause; null when the recommendation is to delete it. */
  proposed: string | null;
  /** The aligned clause in the new reading; null when it was deleted. */
  next: string | null;
  lang?: TextLang;
}

/** Why the detector said what it said, in codes the interface words per language. */
export type AdoptionReason =
  | 'deleted-as-proposed'
  | 'deleted'
  | 'repealed'
  | 'verbatim'
  | 'unchanged'
  | 'other-subject'
  | 'deletion-refused'
  | 'deletion-narrowed'
  | 'score';

export interface AdoptionEvidence {
  /** The clause in the new reading (null: deleted). */
  newText: string | null;
  /** Word diff from the clause as drafted to the new text (empty when deleted). */
  diff: DiffPart[];
  /** Words the recommendation takes out of the clause, and whether the new text dropped them. */
  removed: Array<{ word: string; gone: boolean }>;
  /** Words the recommendation brings into the clause, and whether the new text has them. */
  added: Array<{ word: string; present: boolean }>;
  /** Share of the recommendation's change found in the new text, 0..1 (null: nothing to compare). */
  score: number | null;
  /** Similarity of the new text to the draft and to the proposal (Dice over word stems). */
  similarity: { drafted: number; proposed: number };
}

export interface AdoptionResult {
  status: AdoptionStatus;
  reason: AdoptionReason;
  evidence: AdoptionEvidence;
}

/** «(Утратила силу)», «(Исключена)», «Күчүн жоготту»: a unit kept only as a note of its repeal. */
const REPEALED = /^\s*\(?\s*(утратил[аои]?\s+силу|исключен[аоы]?|статья\s+исключена|күчүн\s+жоготт|алынып\s+салынд)[^]{0,120}$/i;

// Thresholds tuned on the `dev` part of the labelled set only.
const ADOPTED_AT = 0.8;
const TAKEN_FROM = 0.25;
const OWN_WORDS_FROM = 0.34;
const OWN_WORD_WEIGHT = 0.6;
const OTHER_SUBJECT_BELOW = 0.25;

export function detectAdoption(input: AdoptionInput): AdoptionResult {
  const lang = input.lang ?? guessLang(`${input.drafted} ${input.proposed ?? ''}`);
  const nextText = input.next?.trim() ? input.next : null;
  const empty: AdoptionEvidence = { newText: nextText, diff: [], removed: [], added: [], score: null, similarity: { drafted: 0, proposed: 0 } };

  if (nextText === null || REPEALED.test(nextText)) {
    const reason = nextText === null ? 'deleted' : 'repealed';
    if (input.proposed === null) return { status: 'adopted', reason: 'deleted-as-proposed', evidence: { ...empty, score: 1 } };
    return { status: 'not_applicable', reason, evidence: empty };
  }

  const D = words(input.drafted, lang);
  const N = words(nextText, lang);
  const P = input.proposed === null ? [] : words(input.proposed, lang);
  const C = words(input.criticised, lang);
  const dC = stemCounts(D);
  const nC = stemCounts(N);
  const pC = stemCounts(P);
  const cC = stemCounts(C);
  const similarity = { drafted: dice(dC, nC), proposed: input.proposed === null ? 0 : dice(pC, nC) };
  const diff = wordDiff(input.drafted, nextText, lang);

  // What the recommendation takes out and brings in, counted (two «матерям» to replace are two changes).
  const removed: AdoptionEvidence['removed'] = [];
  const added: AdoptionEvidence['added'] = [];
  let toRemove = 0;
  let removedDone = 0;
  for (const [s, count] of dC) {
    const want = Math.max(0, count - (pC.get(s) ?? 0));
    if (want === 0) continue;
    const done = Math.min(want, Math.max(0, count - (nC.get(s) ?? 0)));
    // The criticised words weigh double: they are the point of the recommendation.
    const weight = cC.has(s) ? 2 : 1;
    toRemove += want * weight;
    removedDone += done * weight;
    removed.push({ word: formOf(D, s), gone: done === want });
  }
  // Of the criticised words the proposal takes out, the share the new text took out (null: it takes none out).
  let critWant = 0;
  let critDone = 0;
  for (const [s, count] of cC) {
    const inDraft = dC.get(s) ?? 0;
    const want = Math.min(count, Math.max(0, inDraft - (pC.get(s) ?? 0)));
    if (want === 0) continue;
    critWant += want;
    critDone += Math.min(want, Math.max(0, inDraft - (nC.get(s) ?? 0)));
  }
  const criticisedGone = critWant ? critDone / critWant : null;
  let toAdd = 0;
  let addedDone = 0;
  for (const [s, count] of pC) {
    const want = Math.max(0, count - (dC.get(s) ?? 0));
    if (want === 0) continue;
    const done = Math.min(want, Math.max(0, (nC.get(s) ?? 0) - (dC.get(s) ?? 0)));
    toAdd += want;
    addedDone += done;
    added.push({ word: formOf(P, s), present: done === want });
  }
  // The committee's own new words: a replacement in other words than proposed.
  let ownNew = 0;
  for (const [s, count] of nC) if (!pC.has(s)) ownNew += Math.max(0, count - (dC.get(s) ?? 0));

  const evidence = (score: number | null): AdoptionEvidence => ({ newText: nextText, diff, removed, added, score, similarity });

  if (input.proposed !== null && sameWords(P, N)) return { status: 'adopted', reason: 'verbatim', evidence: evidence(1) };
  if (sameWords(D, N)) return { status: input.proposed === null ? 'not_adopted' : 'not_adopted', reason: input.proposed === null ? 'deletion-refused' : 'unchanged', evidence: evidence(0) };
  if (similarity.drafted < OTHER_SUBJECT_BELOW && similarity.proposed < OTHER_SUBJECT_BELOW)
    return { status: 'not_applicable', reason: 'other-subject', evidence: evidence(null) };
  if (input.proposed === null) {
    // Deletion asked, the clause stands: refused when it is the same text, narrowed when it changed.
    const kept = [...cC.keys()].filter((s) => nC.has(s)).length / Math.max(1, cC.size);
    const status: AdoptionStatus = similarity.drafted > 0.8 && kept > 0.5 ? 'not_adopted' : 'partly';
    return { status, reason: status === 'partly' ? 'deletion-narrowed' : 'deletion-refused', evidence: evidence(0) };
  }

  const removal = toRemove ? removedDone / toRemove : null;
  let addition = toAdd ? addedDone / toAdd : null;
  // Other words: when the criticised words are gone, or some of the proposal is in, the committee's own
  // new words make up for part of the missing ones (a replacement worded differently).
  if (addition !== null && addition < 1 && ((removal === 1 && toRemove > 0) || addition >= OWN_WORDS_FROM) && ownNew > 0)
    addition = Math.min(1, (addedDone + Math.min(toAdd - addedDone, ownNew) * OWN_WORD_WEIGHT) / toAdd);
  // Taking words out is the point of most recommendations: it weighs double against bringing words in.
  const score = removal !== null && addition !== null ? (2 * removal + addition) / 3 : (removal ?? addition ?? 0);
  // Something of substance was taken: every criticised word that had to go is gone, or a part of the proposal is in.
  const taken = criticisedGone === 1 || (addition !== null && addition >= TAKEN_FROM) || (criticisedGone === null && addition === null && (removal ?? 0) >= TAKEN_FROM);
  const status: AdoptionStatus = !taken ? 'not_adopted' : score >= ADOPTED_AT ? 'adopted' : 'partly';
  return { status, reason: 'score', evidence: evidence(score) };
}

function sameWords(a: readonly Word[], b: readonly Word[]): boolean {
  return a.length === b.length && a.every((w, i) => w.norm === b[i]!.norm);
}

function formOf(list: readonly Word[], s: string): string {
  return list.find((w) => w.stem === s)?.form ?? s;
}

function dice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [s, n] of a) {
    common += Math.min(n, b.get(s) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total ? (2 * common) / total : 0;
}
