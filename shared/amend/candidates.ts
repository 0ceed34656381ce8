import { walkClauses, type Clause, type ClauseTree } from '../clause';
import { normalizeSpanText } from '../checklist/normalize';
import { stableHash } from '../checklist/stable-hash';
import type { AmendmentEffect, CandidateFinding, TextQuote } from '../review-model';
import type { RemovalFinding } from './removals';

/** The checklist engine's candidate on a line of a base act as the amendment law makes it read. */
export interface ResultHit {
  /** The instruction that produced the line. */
  instructionId: string;
  actTitle: string;
  unitId: string;
  unitLabel: string;
  /** As the engine made it on the line: its id, clause and offsets are the base act's, not the draft's. */
  finding: CandidateFinding;
}

/** What a removal rule found in the words an instruction takes out. */
export interface RemovalHit {
  actTitle: string;
  finding: RemovalFinding;
}

export interface AmendmentCandidatesInput {
  /** The amendment law as the review holds it now: the instructions the candidates stand on. */
  draft: ClauseTree;
  checklist: { id: string; version: string };
  results: readonly ResultHit[];
  removals: readonly RemovalHit[];
  /**
   * The engine's own candidates on the draft. A restatement or a new unit is quoted in the draft under its
   * instruction, so the engine already read those words there: the same rule on the same words is not proposed twice.
   */
  ordinary?: ReadonlyArray<Ordinary>;
}

/** What of the engine's own candidates (or of the merged findings they became) tells the same words apart. */
type Ordinary = { clauseId: string; detectorId?: string; quote: TextQuote; amendment?: AmendmentEffect };

const QUOTE_CONTEXT = 32;

/** Lower case with ё read as е, letter for letter: offsets found in it are offsets in the text. */
function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** The pieces of the words («равные … женщин и мужчин»: struck in two places), without quotes and stops. */
function pieces(words: string): string[] {
  return words
    .split(' … ')
    .map((p) => fold(p.replace(/^[\s«»"“”„'.,;:…]+|[\s«»"“”„'.,;:…]+$/gu, '')))
    .filter((p) => p.length >= 2);
}

/** From the first piece to the last, found in that order in the text; null when the first is not there. */
function wordsSpan(text: string, words: string): [number, number] | null {
  const wanted = pieces(words);
  const folded = fold(text);
  const first = wanted[0] === undefined ? -1 : folded.indexOf(wanted[0]);
  if (first < 0) return null;
  let end = first + wanted[0]!.length;
  for (const piece of wanted.slice(1)) {
    const at = folded.indexOf(piece, end);
    if (at < 0) break;
    end = at + piece.length;
  }
  return [first, end];
}

/**
 * Where the candidate stands in the instruction's clause: on the words when the instruction itself quotes them
 * («слова «для мужчин и женщин» заменить …»), else on the whole instruction — the unit it changes is not
 * the draft's text. Offsets are into Clause.text, as the engine's own candidates'.
 */
function placeOn(clause: Clause, words: string): { span: { start: number; end: number }; quote: TextQuote } {
  const text = clause.text;
  const [start, end] = wordsSpan(text, words) ?? [0, text.length];
  return {
    span: { start, end },
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: text.slice(end, end + QUOTE_CONTEXT) },
  };
}

/**
 * Stable: the same instruction, unit, rule and words give the same id on every run, so attaching the act again or
 * rerunning the checklist updates the candidate in place and a decision on it holds. A `cf-` id like every engine
 * candidate's (record-ids.ts): nobody can write a record under it but the server.
 */
function candidateId(checklistId: string, effect: AmendmentEffect, instructionId: string, criterionId: string, detectorId: string): string {
  const identity = ['amend', checklistId, effect.source, instructionId, effect.unitId, criterionId, detectorId, normalizeSpanText(effect.words)].join('\u0000');
  return `cf-${stableHash(identity)}`;
}

function sameWords(a: Ordinary, b: CandidateFinding): boolean {
  return a.detectorId === b.detectorId && normalizeSpanText(a.quote.exact) === normalizeSpanText(b.quote.exact);
}

/**
 * The engine's findings on what an amendment law makes of its base acts (issue 20) as candidates of the review:
 * each stands on the instruction that does it (its clause in the draft) and says, in `amendment`, which unit of
 * which act as it will read, or which words taken out of it, it is about. Pure: the server writes them into the
 * ENGINE doc beside the engine's candidates on the draft (server/amend/review-candidates.ts).
 */
export function amendmentCandidates(input: AmendmentCandidatesInput): CandidateFinding[] {
  const clauses = new Map<string, Clause>();
  for (const [c] of walkClauses(input.draft.clauses)) clauses.set(c.id, c);
  const ordinary = input.ordinary ?? [];
  const out = new Map<string, CandidateFinding>();

  for (const hit of input.results) {
    const clause = clauses.get(hit.instructionId);
    if (!clause) continue;
    const f = hit.finding;
    const quoted = ordinary.filter((o) => !o.amendment && (o.clauseId === clause.id || o.clauseId.startsWith(`${clause.id}.`)));
    if (quoted.some((o) => sameWords(o, f))) continue;
    const amendment: AmendmentEffect = { source: 'result', actTitle: hit.actTitle, unitId: hit.unitId, unitLabel: hit.unitLabel, words: f.quote.exact };
    const id = candidateId(input.checklist.id, amendment, clause.id, f.criterionId, f.detectorId);
    out.set(id, {
      id,
      checklist: f.checklist,
      criterionId: f.criterionId,
      detectorId: f.detectorId,
      clauseId: clause.id,
      ...placeOn(clause, f.quote.exact),
      matched: f.matched,
      severity: f.severity,
      polarity: f.polarity,
      explanation: f.explanation,
      ...(f.suggestedWording ? { suggestedWording: f.suggestedWording } : {}),
      legalBasis: f.legalBasis,
      ...(f.why ? { why: f.why } : {}),
      amendment,
    });
  }

  const ref = `${input.checklist.id}@${input.checklist.version}`;
  for (const { actTitle, finding: r } of input.removals) {
    const clause = clauses.get(r.instructionId);
    if (!clause) continue;
    const amendment: AmendmentEffect = { source: 'removal', actTitle, unitId: r.unitId, unitLabel: r.unitLabel, words: r.removed };
    const id = candidateId(input.checklist.id, amendment, clause.id, r.criterionId, r.ruleId);
    out.set(id, {
      id,
      checklist: ref,
      criterionId: r.criterionId,
      detectorId: r.ruleId,
      clauseId: clause.id,
      ...placeOn(clause, r.removed),
      matched: [{ form: r.removed }],
      severity: 'concern',
      polarity: 'risk',
      explanation: r.explanation,
      legalBasis: [],
      why: { rule: r.ruleId, words: [r.removed], confidence: r.confidence, context: 'text' },
      amendment,
    });
  }
  return [...out.values()];
}

/** An engine candidate about an amendment law's effect (written by amendmentCandidates). */
export function isAmendmentCandidate(finding: { origin?: string; amendment?: AmendmentEffect }): boolean {
  return finding.amendment !== undefined && (finding.origin === undefined || finding.origin === 'engine');
}
