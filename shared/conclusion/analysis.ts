import type { ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { ChecklistAnswer, MergedFinding } from '../review-model';
import { clauseReferences } from './clause-ref';
import { confirmedFindings } from './confirmed';
import { criteriaInOrder, resolveCriterion, type ConclusionCriterion } from './criteria';
import type { CriterionAnalysis } from './document';
import { isPositive } from './positive';
import { asSentence, reasoningOf } from './reasoning';
import { cleanLine, paragraphsOf } from './sanitize';
import { ANALYSIS_TEXTS, SEVERITY_TEXTS, TABLE_TEXTS } from './strings';

export interface AnalysisInput {
  findings: readonly MergedFinding[];
  answers: readonly ChecklistAnswer[];
  /** The secretary's texts per criterion id; an empty text means "compose it for me". */
  written: Readonly<Record<string, string>>;
  tree: ClauseTree;
  criteria?: readonly ConclusionCriterion[];
  /** Confirmed findings the secretary marks as good practice: positive norms, like the engine's positive notes. */
  goodPractice?: readonly string[];
  lang: Lang;
}

/** Findings, answers and texts under a criterion the checklist does not know are grouped here. */
export const OTHER_CRITERION = 'other';

/** The id a finding, answer or written text is grouped under: its criterion's, or "other". */
function groupId(id: string, criteria: readonly ConclusionCriterion[]): string {
  return resolveCriterion(id, criteria)?.id ?? OTHER_CRITERION;
}

/** The criterion's title in the document's language, never its code; "Other issues" for an unknown one. */
export function criterionName(id: string, criteria: readonly ConclusionCriterion[], lang: Lang): string {
  const criterion = resolveCriterion(id, criteria);
  return criterion ? cleanLine(criterion.title[lang]) : ANALYSIS_TEXTS.otherCriterion[lang];
}

interface Found {
  risk: Array<{ finding: MergedFinding; label: string }>;
  positive: Array<{ finding: MergedFinding; label: string }>;
}

/**
 * One entry per criterion: the listed ones (the checklist's, else C1–C17) in their order, then "other"
 * when a finding, answer or text names a criterion the list does not know. The secretary's text wins;
 * where she left it empty, a text is composed — statements only: that the experts reviewed the draft
 * against the criterion, their notes, the units that need changing with the reasoning stated for each,
 * the positive norms — and marked prefilled so the form can offer it for editing. A criterion nobody
 * said anything on is marked not assessed.
 */
export function buildCriteriaAnalysis(input: AnalysisInput): CriterionAnalysis[] {
  const { lang } = input;
  const listed = criteriaInOrder(input.criteria);
  const known = input.criteria ?? [];
  const order: string[] = listed.map((c) => c.id);
  const note = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  const ref = clauseReferences(input.tree, lang);
  const good = new Set(input.goodPractice ?? []);

  const written = new Map<string, string[]>();
  for (const [id, text] of Object.entries(input.written)) {
    const paragraphs = paragraphsOf(text);
    if (paragraphs.length === 0) continue;
    const group = groupId(id, known);
    note(group);
    written.set(group, [...(written.get(group) ?? []), ...paragraphs]);
  }

  const found = new Map<string, Found>();
  for (const { finding, clause } of confirmedFindings(input.findings, input.tree)) {
    const group = groupId(finding.criterionId, known);
    note(group);
    const entry = found.get(group) ?? { risk: [], positive: [] };
    const own = clause ? ref(clause) : cleanLine(finding.quote.exact) || TABLE_TEXTS.unknownClauseNoQuote[lang];
    // a candidate on what an amendment law makes of its base act names the instruction and the unit it changes
    const effect = finding.amendment;
    const label = effect ? `${own} (${cleanLine(effect.unitLabel)}: ${cleanLine(effect.actTitle)})` : own;
    (isPositive(finding, good) ? entry.positive : entry.risk).push({ finding, label });
    found.set(group, entry);
  }

  const answered = new Map<string, { applicable: boolean; notes: string[] }>();
  for (const answer of input.answers) {
    const group = groupId(answer.criterionId, known);
    note(group);
    const entry = answered.get(group) ?? { applicable: false, notes: [] };
    if (answer.value !== 'na') entry.applicable = true;
    entry.notes.push(...paragraphsOf(answer.note));
    answered.set(group, entry);
  }

  return order.map((id) => {
    const title = id === OTHER_CRITERION ? ANALYSIS_TEXTS.otherCriterion[lang] : criterionName(id, known, lang);
    const own = written.get(id);
    if (own) return { criterionId: id, title, heading: null, paragraphs: own, prefilled: false, assessed: true };
    const paragraphs: string[] = [];
    const answers = answered.get(id);
    const entry = found.get(id);
    if (answers) {
      paragraphs.push(answers.applicable || entry ? ANALYSIS_TEXTS.reviewed[lang] : ANALYSIS_TEXTS.notApplicable[lang]);
      paragraphs.push(...answers.notes);
    }
    if (entry && entry.risk.length > 0) {
      paragraphs.push(format(ANALYSIS_TEXTS.findings[lang], { clauses: unique(entry.risk.map((f) => f.label)).join('; ') }));
      for (const { finding, label } of entry.risk) {
        const severity = SEVERITY_TEXTS[finding.severity]?.[lang] ?? cleanLine(String(finding.severity));
        paragraphs.push(format(ANALYSIS_TEXTS.finding[lang], { clause: label, severity, text: asSentence(reasoningOf(finding) || TABLE_TEXTS.noReasoning[lang]) }));
      }
    }
    if (entry && entry.positive.length > 0) {
      paragraphs.push(format(ANALYSIS_TEXTS.positives[lang], { clauses: unique(entry.positive.map((f) => f.label)).join('; ') }));
      for (const { finding, label } of entry.positive) {
        const reasoning = reasoningOf(finding);
        if (reasoning) paragraphs.push(format(ANALYSIS_TEXTS.positive[lang], { clause: label, text: asSentence(reasoning) }));
      }
    }
    const assessed = paragraphs.length > 0;
    if (!assessed) paragraphs.push(ANALYSIS_TEXTS.notAssessed[lang]);
    else if (!entry?.risk.length && answers?.applicable !== false) paragraphs.push(ANALYSIS_TEXTS.none[lang]);
    return { criterionId: id, title, heading: null, paragraphs, prefilled: true, assessed };
  });
}

/** Numbers the assessed criteria as subsections of their section («5.1. Прямая дискриминация»). */
export function numberCriteria(criteria: readonly CriterionAnalysis[], section: number): CriterionAnalysis[] {
  let n = 0;
  return criteria.map((c) => (c.assessed ? { ...c, heading: `${section}.${++n}. ${c.title}` } : { ...c, heading: null }));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
