import { modality, refersElsewhere } from './norm-kind';
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
  | 'refers-elsewhere'
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
/** The same note naming the repealing act first, in brackets: «(Кыргыз Республикасынын 2027-жылдын … № 61 Мыйзамына ылайык күчүн жоготту)». */
const REPEAL_NOTE = /^\s*\([^()]{0,200}(утратил[аои]?\s+силу|исключен[аоы]?|күчүн\s+жоготт|алынып\s+салынд)[^()]{0,120}\)\.?\s*$/i;
/** The unit's own number before its text («4.», «4)», «а)»): renumbering is not a change of wording. */
const UNIT_NUMBER = /^\s*(\d+(?:[-.]\d+)*[.)]|[а-яa-z][)])\s+/iu;

// Thresholds and rules tuned on the `dev` and `heldout-seen` parts of the labelled set only, never on `heldout2`.
const ADOPTED_AT = 0.8;
const TAKEN_FROM = 0.25;
const OWN_WORDS_FROM = 0.34;
const OWN_WORD_WEIGHT = 0.6;
const OTHER_SUBJECT_BELOW = 0.25;
/** A referral keeping at most this share of the proposal's new words has left the recommendation no object. */
const REFERRAL_ADDS_AT_MOST = 0.2;
/** New words in a row of the proposal that, all missing, make a missing piece of it. */
const MISSING_PIECE = 3;

export function detectAdoption(input: AdoptionInput): AdoptionResult {
  const lang = input.lang ?? guessLang(`${input.drafted} ${input.proposed ?? ''}`);
  const nextText = input.next?.trim() ? input.next : null;
  const empty: AdoptionEvidence = { newText: nextText, diff: [], removed: [], added: [], score: null, similarity: { drafted: 0, proposed: 0 } };

  if (nextText === null || REPEALED.test(nextText) || REPEAL_NOTE.test(nextText)) {
    const reason = nextText === null ? 'deleted' : 'repealed';
    if (input.proposed === null) return { status: 'adopted', reason: 'deleted-as-proposed', evidence: { ...empty, score: 1 } };
    return { status: 'not_applicable', reason, evidence: empty };
  }

  const D = words(unitText(input.drafted), lang);
  const N = words(unitText(nextText), lang);
  const P = input.proposed === null ? [] : words(unitText(input.proposed), lang);
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
  // The clause now hands the matter to the Cabinet's rules or another act: when the criticised words
  // went with the old rule and nothing the proposal brings in came, the recommendation has no object
  // here any more, even if words of the old clause («пособие … выплачивается») stay around the referral.
  if (
    input.proposed !== null &&
    toAdd > 0 &&
    addedDone / toAdd <= REFERRAL_ADDS_AT_MOST &&
    refersElsewhere(nextText, lang) &&
    !refersElsewhere(input.drafted, lang) &&
    stillThere(cC, nC) < 0.5
  )
    return { status: 'not_applicable', reason: 'refers-elsewhere', evidence: evidence(null) };
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
  const taken =
    criticisedGone === 1 ||
    (addition !== null && addition >= TAKEN_FROM) ||
    (criticisedGone === null && addition === null && (removal ?? 0) >= TAKEN_FROM) ||
    // A permission made a duty (or a ban) as proposed is a change of substance however few words it takes:
    // «вправе» → «обязан» with the rest of the proposal missing is partly adopted, not ignored.
    modalityTaken(input.drafted, input.proposed, nextText, lang) ||
    // A phrase of the proposal's own found in the new text: a part of an addition was taken even when
    // it is a small share of a long proposal.
    phraseTaken(P, D, N);
  // A whole piece of the proposal (three new words in a row) left out, with no words of the committee's
  // own in its place, keeps it partly adopted however much of the rest was taken.
  const pieceMissing = ownNew === 0 && missingPiece(P, dC, nC);
  const status: AdoptionStatus = !taken ? 'not_adopted' : score >= ADOPTED_AT && !pieceMissing ? 'adopted' : 'partly';
  return { status, reason: 'score', evidence: evidence(score) };
}

/** The clause's text without its unit number. */
function unitText(text: string): string {
  return text.replace(UNIT_NUMBER, '');
}

/** Share of the criticised words' occurrences the new text still has. */
function stillThere(criticised: ReadonlyMap<string, number>, next: ReadonlyMap<string, number>): number {
  let total = 0;
  let kept = 0;
  for (const [s, n] of criticised) {
    total += n;
    kept += Math.min(n, next.get(s) ?? 0);
  }
  return total ? kept / total : 0;
}

function modalityTaken(drafted: string, proposed: string, next: string, lang: TextLang): boolean {
  const wanted = modality(proposed, lang);
  return wanted !== null && wanted !== modality(drafted, lang) && modality(next, lang) === wanted;
}

/**
 * A phrase of the proposal's own in the new text: two content words in a row of the proposal, at least
 * one of them not in the draft, that the draft does not have in a row and the new text does.
 */
function phraseTaken(proposed: readonly Word[], drafted: readonly Word[], next: readonly Word[]): boolean {
  const pairs = (list: readonly Word[]) => {
    const content = list.filter((w) => w.content);
    return content.slice(1).map((w, k) => [content[k]!, w] as const);
  };
  const key = ([a, b]: readonly [Word, Word]) => `${a.stem} ${b.stem}`;
  const draftStems = new Set(drafted.map((w) => w.stem));
  const draftPairs = new Set(pairs(drafted).map(key));
  const fresh = new Set(pairs(proposed).filter(([a, b]) => (!draftStems.has(a.stem) || !draftStems.has(b.stem)) && !draftPairs.has(key([a, b]))).map(key));
  return pairs(next).some((pair) => fresh.has(key(pair)));
}

/** A run of at least MISSING_PIECE content words of the proposal, none of them in the draft nor in the new text. */
function missingPiece(proposed: readonly Word[], drafted: ReadonlyMap<string, number>, next: ReadonlyMap<string, number>): boolean {
  let run = 0;
  for (const w of proposed) {
    if (!w.content) continue;
    run = !drafted.has(w.stem) && !next.has(w.stem) ? run + 1 : 0;
    if (run >= MISSING_PIECE) return true;
  }
  return false;
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
