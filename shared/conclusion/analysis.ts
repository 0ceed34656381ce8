import type { ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { ChecklistAnswer, ChecklistAnswerValue, MergedFinding } from '../review-model';
import { criteriaInOrder, resolveCriterion, type ConclusionCriterion } from './criteria';
import { clauseLabel, confirmedFindings, explanationOf } from './confirmed';
import type { CriterionAnalysis } from './document';
import { cleanLine, paragraphsOf } from './sanitize';
import { ANALYSIS_TEXTS, SEVERITY_TEXTS } from './strings';
import { criterionTitle } from './table';

export interface AnalysisInput {
  findings: readonly MergedFinding[];
  answers: readonly ChecklistAnswer[];
  /** The secretary's texts per criterion id; an empty text means "compose it for me". */
  written: Readonly<Record<string, string>>;
  tree: ClauseTree;
  criteria?: readonly ConclusionCriterion[];
  lang: Lang;
}

/** The id a finding, answer or written text is grouped under: its criterion's, or its own when unknown. */
function groupId(id: string, criteria: readonly ConclusionCriterion[]): string {
  return resolveCriterion(id, criteria)?.id ?? id;
}

/**
 * One subsection per criterion: the listed ones (the checklist's, else C1–C17) in their order, then any
 * other criterion a finding, answer or text refers to. The secretary's text wins; where she left it
 * empty, a text is composed from the experts' answers and the confirmed findings, and marked prefilled
 * so the UI can offer it for editing.
 */
export function buildCriteriaAnalysis(input: AnalysisInput): CriterionAnalysis[] {
  const { lang } = input;
  const listed = criteriaInOrder(input.criteria);
  const known = input.criteria ?? [];
  const order: string[] = listed.map((c) => c.id);
  const note = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };

  const written = new Map<string, string[]>();
  for (const [id, text] of Object.entries(input.written)) {
    const paragraphs = paragraphsOf(text);
    if (paragraphs.length === 0) continue;
    const group = groupId(id, known);
    note(group);
    written.set(group, [...(written.get(group) ?? []), ...paragraphs]);
  }

  const findingsBy = new Map<string, { risk: MergedFinding[]; positive: MergedFinding[]; labels: Map<string, string> }>();
  for (const { finding, clause } of confirmedFindings(input.findings, input.tree)) {
    const group = groupId(finding.criterionId, known);
    note(group);
    const entry = findingsBy.get(group) ?? { risk: [], positive: [], labels: new Map() };
    (finding.polarity === 'positive' ? entry.positive : entry.risk).push(finding);
    entry.labels.set(finding.id, clause ? clauseLabel(clause) : cleanLine(finding.clauseId));
    findingsBy.set(group, entry);
  }

  const answersBy = new Map<string, Record<ChecklistAnswerValue, number> & { notes: string[] }>();
  for (const answer of input.answers) {
    const group = groupId(answer.criterionId, known);
    note(group);
    const entry = answersBy.get(group) ?? { yes: 0, no: 0, partly: 0, na: 0, notes: [] };
    entry[answer.value] += 1;
    entry.notes.push(...paragraphsOf(answer.note));
    answersBy.set(group, entry);
  }

  return order.map((id) => {
    const title = criterionTitle(id, known, lang);
    const own = written.get(id);
    if (own) return { criterionId: id, title, paragraphs: own, prefilled: false };
    const paragraphs: string[] = [];
    const answers = answersBy.get(id);
    if (answers) {
      paragraphs.push(format(ANALYSIS_TEXTS.answers[lang], { yes: answers.yes, no: answers.no, partly: answers.partly, na: answers.na }));
      paragraphs.push(...answers.notes);
    }
    const found = findingsBy.get(id);
    if (found && found.risk.length > 0) {
      const labels = unique(found.risk.map((f) => found.labels.get(f.id)!));
      paragraphs.push(format(ANALYSIS_TEXTS.findings[lang], { count: found.risk.length, clauses: labels.join('; ') }));
      for (const f of found.risk) {
        const explanation = paragraphsOf(explanationOf(f, lang)).join(' ');
        paragraphs.push(
          format(ANALYSIS_TEXTS.finding[lang], { clause: found.labels.get(f.id)!, severity: SEVERITY_TEXTS[f.severity]?.[lang] ?? cleanLine(String(f.severity)), text: explanation || '—' }),
        );
      }
    }
    if (found && found.positive.length > 0) {
      const labels = unique(found.positive.map((f) => found.labels.get(f.id)!));
      paragraphs.push(format(ANALYSIS_TEXTS.positives[lang], { count: found.positive.length, clauses: labels.join('; ') }));
    }
    if (paragraphs.length === 0) paragraphs.push(ANALYSIS_TEXTS.notAssessed[lang]);
    else if (!found?.risk.length) paragraphs.push(ANALYSIS_TEXTS.none[lang]);
    return { criterionId: id, title, paragraphs, prefilled: true };
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
