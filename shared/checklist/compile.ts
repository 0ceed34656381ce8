import type { ActKind, ClauseKind } from '../clause';
import type { LegalBasis, Polarity, Severity } from '../review-model';
import type { ChecklistData, CriterionData, DetectorData, DetectorLang, I18nTextData, LegalBasisRef, SegmentRole } from './format';
import { DETECTOR_LANGS } from './format';
import { Lexicon } from './lexicon';
import { compileMatcher, evaluate, indexClause, type CompiledMatcher } from './matcher';
import type { Morphologies } from './morphology';
import type { ChecklistProblem, DataPath } from './problems';
import { termWords } from './tokenize';

const EMPTY_CLAUSE = indexClause([]);

/** Clause kinds a detector reads unless its scope says otherwise: not the header, signature or editorial notes. */
export const DEFAULT_CLAUSE_KINDS: readonly ClauseKind[] = [
  'preamble', 'division', 'section', 'subsection', 'chapter', 'subchapter', 'article', 'part', 'item',
  'subitem', 'indent', 'amendment', 'text',
];

export interface CompiledDetector {
  id: string;
  criterionId: string;
  lang: DetectorLang;
  level: 'clause' | 'act';
  polarity: Polarity;
  severity: Severity;
  clauseKinds: ReadonlySet<ClauseKind>;
  actKinds: ReadonlySet<ActKind> | null;
  /** Clause level: all of `all` and one of `any` (when given). */
  when: CompiledMatcher;
  /** Clause level: none of these in the hit's segment (or the whole clause: `noneWithin`). */
  none: CompiledMatcher | null;
  noneWithin: 'segment' | 'clause';
  skipIn: ReadonlySet<SegmentRole>;
  confidence: 'high' | 'medium' | 'low';
  /** A neutral term: a clause finding only where this matches in the hit's segment; else an occurrence of the act's note. */
  decides: CompiledMatcher | null;
  triggerMin: number;
  absentWhere: 'act' | 'trigger';
  /** Act level. */
  trigger: CompiledMatcher | null;
  absent: CompiledMatcher | null;
  pairedFormsConsiderate: boolean;
  /** False only for a detector that could match a clause without any of the checklist's words. */
  needsWords: boolean;
  question: I18nTextData;
  suggestion?: I18nTextData;
  legalBasis: LegalBasis[];
  /** Where the detector sits in the data, for problems found later (examples). */
  path: DataPath;
  data: DetectorData;
}

export interface CompiledChecklist {
  id: string;
  version: string;
  /** "kg-gender-expertise@2026.1", recorded on every finding and review. */
  ref: string;
  data: ChecklistData;
  criteria: ReadonlyMap<string, CriterionData>;
  detectors: readonly CompiledDetector[];
  lexicons: Readonly<Record<DetectorLang, Lexicon>>;
  /** Per language: the matchers that give a segment its role. */
  structure: Readonly<Record<DetectorLang, Partial<Record<SegmentRole, CompiledMatcher>>>>;
  /** Per language: key → keys of its pair partners. */
  partners: Readonly<Record<DetectorLang, ReadonlyMap<string, readonly string[]>>>;
}

export interface CompileResult {
  checklist: CompiledChecklist;
  problems: ChecklistProblem[];
}

/** Compiles validated checklist data; reports every problem it finds instead of stopping at the first. */
export function compileChecklist(data: ChecklistData, morphologies: Morphologies): CompileResult {
  const problems: ChecklistProblem[] = [];
  const lexicons = {} as Record<DetectorLang, Lexicon>;
  for (const lang of DETECTOR_LANGS) lexicons[lang] = new Lexicon(morphologies[lang]);

  const sources = new Map(data.sources.map((s) => [s.id, s]));
  reportDuplicates(data.sources.map((s) => s.id), ['sources'], problems);
  reportDuplicates(data.criteria.map((c) => c.id), ['criteria'], problems);
  const criteria = new Map(data.criteria.map((c) => [c.id, c]));

  const resolveBasis = (refs: readonly LegalBasisRef[], path: DataPath): LegalBasis[] =>
    refs.flatMap((ref, i) => {
      const source = sources.get(ref.source);
      if (!source) {
        problems.push({ code: 'CHECKLIST_UNKNOWN_SOURCE', path: [...path, i, 'source'], params: { id: ref.source } });
        return [];
      }
      return [{ source: ref.source, title: source.title, ...(ref.article ? { article: ref.article } : {}) }];
    });

  const detectors: CompiledDetector[] = [];
  const detectorIds = new Set<string>();
  data.criteria.forEach((criterion, ci) => {
    const criterionPath: DataPath = ['criteria', ci];
    criterion.related?.forEach((id, i) => {
      if (!criteria.has(id))
        problems.push({ code: 'CHECKLIST_UNKNOWN_CRITERION', path: [...criterionPath, 'related', i], params: { id } });
    });
    reportDuplicates(criterion.questions.map((q) => q.id), [...criterionPath, 'questions'], problems);
    const basis = resolveBasis(criterion.legalBasis, [...criterionPath, 'legalBasis']);
    criterion.detectors.forEach((detector, di) => {
      const path: DataPath = [...criterionPath, 'detectors', di];
      if (detectorIds.has(detector.id))
        problems.push({ code: 'CHECKLIST_DUPLICATE_ID', path: [...path, 'id'], params: { id: detector.id } });
      detectorIds.add(detector.id);
      if (!morphologies[detector.lang] && detector.lang === 'ru')
        problems.push({ code: 'CHECKLIST_NO_MORPHOLOGY', path: [...path, 'lang'], params: { lang: detector.lang } });
      const compiled = compileDetector(detector, criterion, lexicons[detector.lang], path, problems);
      compiled.legalBasis = [...basis, ...resolveBasis(detector.legalBasis ?? [], [...path, 'legalBasis'])];
      detectors.push(compiled);
    });
  });

  const partners = {} as Record<DetectorLang, Map<string, string[]>>;
  for (const lang of DETECTOR_LANGS) partners[lang] = new Map();
  data.pairs.forEach((pair, pi) => {
    const keys = pair.words.map((word, wi) => {
      const words = termWords(word);
      const key = words.length === 1 ? lexicons[pair.lang].addLemma(words[0]!) : null;
      if (key === null) problems.push({ code: 'CHECKLIST_UNKNOWN_WORD', path: ['pairs', pi, 'words', wi], params: { term: word, word } });
      return key;
    });
    const [a, b] = keys;
    if (!a || !b) return;
    const map = partners[pair.lang];
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  });

  const structure = {} as Record<DetectorLang, Partial<Record<SegmentRole, CompiledMatcher>>>;
  for (const lang of DETECTOR_LANGS) structure[lang] = {};
  data.structure.forEach((entry, si) => {
    for (const role of ['scope', 'exception', 'prohibition', 'definition'] as const) {
      const matcher = entry[role];
      if (matcher) structure[entry.lang][role] = compileMatcher(matcher, lexicons[entry.lang], ['structure', si, role], problems);
    }
  });

  return {
    checklist: {
      id: data.id,
      version: data.version,
      ref: `${data.id}@${data.version}`,
      data,
      criteria,
      detectors,
      lexicons,
      structure,
      partners,
    },
    problems,
  };
}

function compileDetector(
  detector: DetectorData,
  criterion: CriterionData,
  lexicon: Lexicon,
  path: DataPath,
  problems: ChecklistProblem[],
): CompiledDetector {
  const compileList = (key: 'all' | 'any' | 'none'): CompiledMatcher[] =>
    (detector[key] ?? []).map((m, i) => compileMatcher(m, lexicon, [...path, key, i], problems));
  const parts: CompiledMatcher[] = [...compileList('all')];
  const any = compileList('any');
  if (any.length > 0) parts.push({ type: 'any', children: any });
  const none = compileList('none');

  if (detector.level === 'clause' && !detector.all && !detector.any)
    problems.push({ code: 'CHECKLIST_EMPTY_DETECTOR', path, params: { id: detector.id, need: 'all / any' } });
  if (detector.level === 'act' && !detector.absent)
    problems.push({ code: 'CHECKLIST_EMPTY_DETECTOR', path, params: { id: detector.id, need: 'absent' } });

  return {
    id: detector.id,
    criterionId: criterion.id,
    lang: detector.lang,
    level: detector.level,
    polarity: detector.polarity,
    severity: detector.severity ?? (detector.polarity === 'positive' ? 'note' : criterion.severity),
    clauseKinds: new Set(detector.scope?.clauseKinds ?? DEFAULT_CLAUSE_KINDS),
    actKinds: detector.scope?.actKinds ? new Set(detector.scope.actKinds) : null,
    when: { type: 'all', children: parts },
    none: none.length > 0 ? { type: 'any', children: none } : null,
    noneWithin: detector.noneWithin,
    skipIn: new Set(detector.skipIn ?? []),
    confidence: detector.confidence,
    decides: detector.decides ? compileMatcher(detector.decides, lexicon, [...path, 'decides'], problems) : null,
    triggerMin: detector.triggerMin,
    absentWhere: detector.absentWhere,
    trigger: detector.trigger ? compileMatcher(detector.trigger, lexicon, [...path, 'trigger'], problems) : null,
    absent: detector.absent ? compileMatcher(detector.absent, lexicon, [...path, 'absent'], problems) : null,
    pairedFormsConsiderate: detector.pairedFormsConsiderate,
    needsWords: evaluate({ type: 'all', children: parts }, EMPTY_CLAUSE) === null,
    question: detector.question,
    ...(detector.suggestion ? { suggestion: detector.suggestion } : {}),
    legalBasis: [],
    path,
    data: detector,
  };
}

function reportDuplicates(ids: readonly string[], path: DataPath, problems: ChecklistProblem[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ code: 'CHECKLIST_DUPLICATE_ID', path: [...path, i, 'id'], params: { id } });
    seen.add(id);
  });
}
