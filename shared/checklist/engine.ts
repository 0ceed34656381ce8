import { walkClauses, type Clause, type ClauseTree } from '../clause';
import type { CandidateFinding } from '../review-model';
import type { CompiledChecklist, CompiledDetector } from './compile';
import type { DetectorLang } from './format';
import { evaluate, indexClause, type ClauseIndex, type Hit } from './matcher';
import { normalizeSpanText } from './normalize';
import { stableHash } from './stable-hash';
import { tokenize, type Token } from './tokenize';

export interface AnalyseOptions {
  /** Finding ids an expert dismissed: never proposed again. */
  dismissed?: ReadonlySet<string>;
  /** Run only these detectors (the examples runner uses it). */
  onlyDetectors?: ReadonlySet<string>;
}

const QUOTE_CONTEXT = 32;

/**
 * The checklist engine: clause tree + compiled checklist → candidate findings. Pure and deterministic:
 * findings come in document order and their ids depend only on checklist, criterion, detector, clause
 * and the normalised matched text — not on offsets, so an edit elsewhere in the clause keeps the id,
 * and a rerun never duplicates a finding nor brings back a dismissed one.
 */
export function analyse(tree: ClauseTree, checklist: CompiledChecklist, options: AnalyseOptions = {}): CandidateFinding[] {
  const lang = tree.meta.language;
  if (lang !== 'ru' && lang !== 'ky') return [];
  const detectors = checklist.detectors.filter(
    (d) =>
      d.lang === lang &&
      (!d.actKinds || d.actKinds.has(tree.meta.actKind)) &&
      (!options.onlyDetectors || options.onlyDetectors.has(d.id)),
  );
  if (detectors.length === 0) return [];
  const clauseDetectors = detectors.filter((d) => d.level === 'clause');
  const actDetectors = detectors.filter((d) => d.level === 'act');
  const actState = actDetectors.map(() => ({ absentFound: false, trigger: null as null | { clause: Clause; scan: ClauseScan; hit: Hit } }));
  let firstArticle: { clause: Clause; scan: ClauseScan } | null = null;
  let firstClause: { clause: Clause; scan: ClauseScan } | null = null;

  const findings: CandidateFinding[] = [];
  for (const [clause] of walkClauses(tree.clauses)) {
    if (clause.repealed || clause.text.trim() === '') continue;
    const scan = scanClause(clause, lang, checklist);
    if (!firstClause && clause.kind !== 'header') firstClause = { clause, scan };
    if (!firstArticle && clause.kind === 'article') firstArticle = { clause, scan };

    const noWords = scan.index.positions.size === 0;
    for (const detector of clauseDetectors) {
      if (!detector.clauseKinds.has(clause.kind) || (noWords && detector.needsWords)) continue;
      const hit = evaluate(detector.when, scan.index);
      if (!hit || hit.length === 0) continue;
      if (detector.pairedFormsConsiderate && isPaired(hit, scan.index, checklist.partners[lang])) continue;
      findings.push(buildFinding(checklist, detector, clause, scan, hit));
    }
    actDetectors.forEach((detector, i) => {
      const state = actState[i]!;
      if (state.absentFound || !detector.clauseKinds.has(clause.kind)) return;
      if (detector.absent && evaluate(detector.absent, scan.index)?.length) state.absentFound = true;
      if (!state.trigger && detector.trigger) {
        const hit = evaluate(detector.trigger, scan.index);
        if (hit && hit.length > 0) state.trigger = { clause, scan, hit };
      }
    });
  }

  actDetectors.forEach((detector, i) => {
    const state = actState[i]!;
    if (state.absentFound) return;
    if (detector.trigger) {
      if (state.trigger) findings.push(buildFinding(checklist, detector, state.trigger.clause, state.trigger.scan, state.trigger.hit));
      return;
    }
    const anchor = firstArticle ?? firstClause;
    if (anchor) findings.push(buildFinding(checklist, detector, anchor.clause, anchor.scan, []));
  });

  const seen = new Set<string>();
  return findings.filter((f) => {
    if (seen.has(f.id) || options.dismissed?.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
}

interface ClauseScan {
  tokens: Token[];
  index: ClauseIndex;
}

function scanClause(clause: Clause, lang: DetectorLang, checklist: CompiledChecklist): ClauseScan {
  const tokens = withoutReplacedWords(clause, tokenize(clause.text));
  return { tokens, index: indexClause(checklist.lexicons[lang].keysOf(tokens)) };
}

/**
 * An amendment that replaces or excludes words quotes the old words; they are what the draft removes,
 * so they must not raise a finding («слова "женщинам" заменить словами "родителям"»).
 */
function withoutReplacedWords(clause: Clause, tokens: Token[]): Token[] {
  const amendment = clause.amendment;
  if (!amendment?.oldWords || (amendment.operation !== 'replace_words' && amendment.operation !== 'exclude')) return tokens;
  const haystack = clause.text.toLowerCase();
  const needle = amendment.oldWords.toLowerCase();
  if (needle.trim() === '' || haystack.length !== clause.text.length) return tokens;
  const masked: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
    masked.push([at, at + needle.length]);
  // Both lists are in text order: one sweep.
  let m = 0;
  return tokens.filter((t) => {
    while (m < masked.length && masked[m]![1] <= t.start) m++;
    const mask = masked[m];
    return !(mask && t.start >= mask[0] && t.end <= mask[1]);
  });
}

/** A paired expression («мать или отец», «работник/работница») is considerate: the hit does not count. */
function isPaired(hit: Hit, index: ClauseIndex, partners: ReadonlyMap<string, readonly string[]>): boolean {
  for (const { token } of hit) {
    for (const key of index.keys[token] ?? []) {
      for (const partner of partners.get(key) ?? []) if (index.positions.has(partner)) return true;
    }
  }
  return false;
}

function buildFinding(
  checklist: CompiledChecklist,
  detector: CompiledDetector,
  clause: Clause,
  scan: ClauseScan,
  hit: Hit,
): CandidateFinding {
  const text = clause.text;
  let start: number;
  let end: number;
  if (hit.length === 0) {
    start = 0;
    end = text.length;
  } else {
    start = Math.min(...hit.map((h) => scan.tokens[h.token]!.start));
    end = Math.max(...hit.map((h) => scan.tokens[h.token]!.end));
  }
  const exact = text.slice(start, end);
  const lexicon = checklist.lexicons[detector.lang];
  const ordered = [...hit].sort((a, b) => a.token - b.token);
  const matched = ordered
    .filter((h, i) => i === 0 || h.token !== ordered[i - 1]!.token)
    .map((h) => {
      const form = scan.tokens[h.token]!.text;
      const lemma = lexicon.lemmaOf(h.key);
      return lemma === form ? { form } : { form, lemma };
    });
  // An act-level finding without matched words quotes its whole clause: its identity must not change
  // when that clause is edited, so it hashes no text.
  const identityText = hit.length === 0 ? '' : normalizeSpanText(exact);
  const identity = [checklist.id, detector.criterionId, detector.id, clause.id, identityText].join('\u0000');
  return {
    id: `cf-${stableHash(identity)}`,
    checklist: checklist.ref,
    criterionId: detector.criterionId,
    detectorId: detector.id,
    clauseId: clause.id,
    span: { start, end },
    quote: {
      exact,
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    matched,
    severity: detector.severity,
    polarity: detector.polarity,
    explanation: detector.question,
    ...(detector.suggestion ? { suggestedWording: detector.suggestion } : {}),
    legalBasis: detector.legalBasis,
    ...(detector.level === 'act' ? { actLevel: true } : {}),
  };
}
