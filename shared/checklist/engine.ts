import { isGroupingKind, walkClauses, type Clause, type ClauseTree } from '../clause';
import type { CandidateFinding, FindingContext, FindingWhy } from '../review-model';
import type { CompiledChecklist, CompiledDetector } from './compile';
import type { DetectorLang } from './format';
import { evaluate, indexClause, type ClauseIndex, type CompiledMatcher, type Hit } from './matcher';
import { normalizeSpanText } from './normalize';
import { segmentRoles, splitSegments, type Segments } from './structure';
import { stableHash } from './stable-hash';
import { tokenize, type Token } from './tokenize';

export interface AnalyseOptions {
  /** Finding ids an expert dismissed: never proposed again. */
  dismissed?: ReadonlySet<string>;
  /** Run only these detectors (the examples runner uses it). */
  onlyDetectors?: ReadonlySet<string>;
}

const QUOTE_CONTEXT = 32;
/** How many clauses an act-level finding lists as looked at or as occurrences (the rest are counted). */
const MAX_LISTED = 40;

/**
 * The checklist engine: clause tree + compiled checklist → candidate findings. Pure and deterministic:
 * findings come in document order and their ids depend only on checklist, criterion, detector, clause
 * and the normalised matched text — not on offsets, so an edit elsewhere in the clause keeps the id,
 * and a rerun never duplicates a finding nor brings back a dismissed one.
 *
 * A clause is read as a structure, not a bag of words: it is split into segments («;», «:», sentence
 * ends); a detector's exceptions (`none`) are looked for in the segment that holds the hit, not in the
 * whole clause; each segment has a role (scope or reference clause, exception, prohibition, definition)
 * from the checklist's `structure` words, and a detector may propose nothing in some roles (`skipIn`).
 * Every finding says why: the rule, the words, a confidence and where the words stand.
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
  const actState = actDetectors.map(() => ({
    absentFound: false,
    triggers: [] as Array<{ clause: Clause; scan: ClauseScan; hit: Hit; absent: boolean }>,
  }));
  /** Per neutral-term detector: the occurrences that decide nothing (one act-level note lists them). */
  const occurrences = new Map<CompiledDetector, Array<{ clause: Clause; scan: ClauseScan; hit: Hit }>>();
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
      if (detector.none && excepted(detector, detector.none, scan, hit)) continue;
      if (detector.pairedFormsConsiderate && isPaired(hit, scan.index, checklist.partners[lang])) continue;
      const roles = rolesOfHit(scan, hit, checklist, lang);
      if ([...roles].some((r) => detector.skipIn.has(r))) continue;
      if (detector.decides && !evaluate(detector.decides, segmentIndex(scan, hit))) {
        const list = occurrences.get(detector) ?? [];
        list.push({ clause, scan, hit });
        occurrences.set(detector, list);
        continue;
      }
      findings.push(buildFinding(checklist, detector, clause, scan, hit, { context: contextOf(clause, roles) }));
    }
    actDetectors.forEach((detector, i) => {
      const state = actState[i]!;
      if (!detector.clauseKinds.has(clause.kind)) return;
      if (detector.absentWhere === 'act' && state.absentFound) return;
      if (detector.absentWhere === 'act' && detector.absent && evaluate(detector.absent, scan.index)?.length) state.absentFound = true;
      if (detector.trigger) {
        const hit = evaluate(detector.trigger, scan.index);
        if (hit && hit.length > 0) {
          const absent = detector.absentWhere === 'trigger' && !!detector.absent && !!evaluate(detector.absent, scan.index)?.length;
          state.triggers.push({ clause, scan, hit, absent });
        }
      }
    });
  }

  actDetectors.forEach((detector, i) => {
    const state = actState[i]!;
    if (detector.absentWhere === 'act' && state.absentFound) return;
    const lookedAt = state.triggers.slice(0, MAX_LISTED).map(({ clause }) => ({ clauseId: clause.id, label: clause.label }));
    if (detector.trigger) {
      if (state.triggers.length < detector.triggerMin) return;
      // Where the rule must sit in each triggering clause, the first clause without it carries the finding.
      const at = detector.absentWhere === 'trigger' ? state.triggers.find((t) => !t.absent) : state.triggers[0];
      if (at) findings.push(buildFinding(checklist, detector, at.clause, at.scan, at.hit, { context: contextOf(at.clause, new Set()), lookedAt }));
      return;
    }
    const anchor = firstArticle ?? firstClause;
    if (anchor) findings.push(buildFinding(checklist, detector, anchor.clause, anchor.scan, [], { context: 'text', lookedAt: [] }));
  });

  // A neutral term that decides nothing: one note for the act, listing where it occurs.
  for (const [detector, list] of occurrences) {
    const first = list[0]!;
    findings.push(
      buildFinding(checklist, detector, first.clause, first.scan, first.hit, {
        context: 'text',
        note: true,
        occurrences: list.slice(0, MAX_LISTED).map(({ clause, scan, hit }) => {
          const { start, end } = spanOf(scan, hit);
          return { clauseId: clause.id, label: clause.label, quote: clause.text.slice(start, end) };
        }),
      }),
    );
  }

  const order = new Map<string, number>();
  let n = 0;
  for (const [clause] of walkClauses(tree.clauses)) order.set(clause.id, n++);
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      if (seen.has(f.id) || options.dismissed?.has(f.id)) return false;
      seen.add(f.id);
      return true;
    })
    .sort((a, b) => (order.get(a.clauseId) ?? 0) - (order.get(b.clauseId) ?? 0));
}

interface ClauseScan {
  text: string;
  tokens: Token[];
  index: ClauseIndex;
  /** Split on first use: most clauses never match a detector. */
  readonly segments: Segments;
}

function scanClause(clause: Clause, lang: DetectorLang, checklist: CompiledChecklist): ClauseScan {
  const tokens = withoutReplacedWords(clause, tokenize(clause.text));
  let segments: Segments | null = null;
  return {
    text: clause.text,
    tokens,
    index: indexClause(checklist.lexicons[lang].keysOf(tokens)),
    get segments() {
      return (segments ??= splitSegments(clause.text, tokens));
    },
  };
}

/** The tokens of the segments the hit touches, indexed on their own (an exception or a deciding word must be there). */
function segmentIndex(scan: ClauseScan, hit: Hit): ClauseIndex {
  const [from, to] = segmentRange(scan, hit);
  if (from === 0 && to === scan.tokens.length) return scan.index;
  return indexClause(scan.index.keys.slice(from, to));
}

function segmentRange(scan: ClauseScan, hit: Hit): [number, number] {
  let from = Number.MAX_SAFE_INTEGER;
  let to = 0;
  for (const { token } of hit) {
    const seg = scan.segments.bounds[scan.segments.of[token]!]!;
    if (seg[0] < from) from = seg[0];
    if (seg[1] > to) to = seg[1];
  }
  return [from, to];
}

function excepted(detector: CompiledDetector, none: CompiledMatcher, scan: ClauseScan, hit: Hit): boolean {
  const index = detector.noneWithin === 'clause' ? scan.index : segmentIndex(scan, hit);
  return evaluate(none, index) !== null;
}

function rolesOfHit(scan: ClauseScan, hit: Hit, checklist: CompiledChecklist, lang: DetectorLang) {
  const [from, to] = segmentRange(scan, hit);
  return segmentRoles(checklist.structure[lang], scan, from, to, scan.text);
}

function contextOf(clause: Clause, roles: ReadonlySet<string>): FindingContext {
  if (clause.kind === 'article' || isGroupingKind(clause.kind)) return 'heading';
  for (const role of ['definition', 'scope', 'exception', 'prohibition'] as const) if (roles.has(role)) return role;
  return 'text';
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

function spanOf(scan: ClauseScan, hit: Hit): { start: number; end: number } {
  if (hit.length === 0) return { start: 0, end: Number.MAX_SAFE_INTEGER };
  return {
    start: Math.min(...hit.map((h) => scan.tokens[h.token]!.start)),
    end: Math.max(...hit.map((h) => scan.tokens[h.token]!.end)),
  };
}

const LOWER: Record<FindingWhy['confidence'], FindingWhy['confidence']> = { high: 'medium', medium: 'low', low: 'low' };

function buildFinding(
  checklist: CompiledChecklist,
  detector: CompiledDetector,
  clause: Clause,
  scan: ClauseScan,
  hit: Hit,
  extra: { context: FindingContext; note?: boolean; occurrences?: FindingWhy['occurrences']; lookedAt?: FindingWhy['lookedAt'] },
): CandidateFinding {
  const text = clause.text;
  const span = spanOf(scan, hit);
  const start = span.start;
  const end = Math.min(span.end, text.length);
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
  const actLevel = detector.level === 'act' || extra.note === true;
  // An act-level finding without matched words quotes its whole clause: its identity must not change
  // when that clause is edited, so it hashes no text. A note on a repeated term is one per act.
  const identityText = hit.length === 0 || extra.note ? '' : normalizeSpanText(exact);
  const identity = [checklist.id, detector.criterionId, detector.id, extra.note ? 'note' : clause.id, identityText].join('\u0000');
  // Words in an exception, a scope clause or a definition are weaker evidence than in plain text.
  const weak = extra.context === 'exception' || extra.context === 'scope' || extra.context === 'definition';
  const why: FindingWhy = {
    rule: detector.id,
    words: matched.map((m) => m.form),
    confidence: weak ? LOWER[detector.confidence] : detector.confidence,
    context: extra.context,
    ...(extra.occurrences ? { occurrences: extra.occurrences } : {}),
    ...(extra.lookedAt ? { lookedAt: extra.lookedAt } : {}),
  };
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
    severity: extra.note ? 'note' : detector.severity,
    polarity: detector.polarity,
    explanation: detector.question,
    ...(detector.suggestion ? { suggestedWording: detector.suggestion } : {}),
    legalBasis: detector.legalBasis,
    ...(actLevel ? { actLevel: true } : {}),
    why,
  };
}
