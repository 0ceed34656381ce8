import type { Clause, ClauseTree } from '../clause';
import { format, type Lang } from '../i18n/lang';
import type { LegalBasis, MergedFinding } from '../review-model';
import { criterionName } from './analysis';
import { citeBasis } from './citations';
import { clauseReferences, type ClauseRef } from './clause-ref';
import { confirmedFindings, draftLanguage, proposedWording, type ConfirmedFinding } from './confirmed';
import { resolveCriterion, type ConclusionCriterion } from './criteria';
import type { ComparativeRow, ComparativeTable } from './document';
import { isPositive } from './positive';
import { asSentence, reasoningOf } from './reasoning';
import { cleanLine, paragraphsOf } from './sanitize';
import { TABLE_HEADERS, TABLE_TEXTS } from './strings';

/**
 * The unit's text as all its confirmed wordings make it, or null when they change nothing that can be
 * placed. The server passes the working copy's own rule (server/export/agreed-wording.ts), so the table
 * proposes for each unit exactly what "Accept all" gives in the working copy.
 */
export type UnitReviser = (clause: Clause, findings: readonly MergedFinding[]) => string | null;

export interface TableOptions {
  criteria: readonly ConclusionCriterion[];
  lang: Lang;
  goodPractice?: readonly string[];
  reviseUnit?: UnitReviser;
  /**
   * For an amendment law with its base acts attached (issue 20): the unit an instruction changes, before and
   * after (null: none; undefined: the clause is no applied instruction). Given, the table has the KR committee
   * form: the current wording, the draft's wording of the norm, the Alliance's, the justification.
   */
  amendedUnit?: AmendedUnit;
}

export type AmendedUnit = (clauseId: string) => { before: string | null; after: string | null } | undefined;

/**
 * "C2. Прямая дискриминация", or the raw id when the criterion is unknown: how the working copy's
 * comments name a criterion for the drafters. The conclusion names criteria by title only (criterionName).
 */
export function criterionTitle(id: string, criteria: readonly ConclusionCriterion[], lang: Lang): string {
  const criterion = resolveCriterion(id, criteria);
  return criterion ? `${cleanLine(criterion.id)}. ${cleanLine(criterion.title[lang])}` : cleanLine(id);
}

/** The findings of one structural unit, in the draft's order. */
interface Unit {
  clauseId: string;
  clause: Clause | undefined;
  entries: ConfirmedFinding[];
}

/**
 * The agreed wording where no reviser is given: the wording of the finding the secretary decided last
 * among those on the unit that have one — the working copy's rule where wordings overlap ("the later
 * decision wins"); on the same moment, the first in the draft's order.
 */
export function latestWording(findings: readonly MergedFinding[], draftLang: Lang | undefined): string | undefined {
  let best: { wording: string; at: number } | undefined;
  for (const finding of findings) {
    const wording = proposedWording(finding, draftLang);
    const at = finding.final?.at ?? 0;
    if (wording && (!best || at > best.at)) best = { wording, at };
  }
  return best?.wording;
}

/** «Прямая дискриминация: reasoning. Other reasoning.» per criterion, in the order the criteria first appear. */
function reasoningLines(findings: readonly MergedFinding[], criteria: readonly ConclusionCriterion[], lang: Lang): string[] {
  const byCriterion = new Map<string, string[]>();
  for (const finding of findings) {
    const name = criterionName(finding.criterionId, criteria, lang);
    const text = asSentence(reasoningOf(finding) || TABLE_TEXTS.noReasoning[lang]);
    const list = byCriterion.get(name) ?? [];
    if (!list.includes(text)) list.push(text);
    byCriterion.set(name, list);
  }
  return [...byCriterion].map(([criterion, texts]) => format(TABLE_TEXTS.reasoning[lang], { criterion, text: texts.join(' ') }));
}

function justificationOf(findings: readonly MergedFinding[], criteria: readonly ConclusionCriterion[], lang: Lang): string[] {
  const basis: LegalBasis[] = findings.flatMap((f) => resolveCriterion(f.criterionId, criteria)?.legalBasis ?? []);
  const { legal, methodology } = citeBasis(basis, lang);
  return [...reasoningLines(findings, criteria, lang), ...(legal ? [legal] : []), ...(methodology ? [methodology] : [])];
}

function unitLabel(unit: Unit, ref: ClauseRef, lang: Lang): string {
  if (unit.clause) return ref(unit.clause);
  const quote = cleanLine(unit.entries[0]?.finding.quote.exact);
  return quote ? format(TABLE_TEXTS.unknownClause[lang], { quote: quote.length > 80 ? `${quote.slice(0, 79)}…` : quote }) : TABLE_TEXTS.unknownClauseNoQuote[lang];
}

/** The confirmed findings grouped by unit, units in the draft's order (see confirmedFindings). */
function unitsOf(findings: readonly MergedFinding[], tree: ClauseTree): Unit[] {
  const units = new Map<string, Unit>();
  for (const entry of confirmedFindings(findings, tree)) {
    const unit = units.get(entry.finding.clauseId) ?? { clauseId: entry.finding.clauseId, clause: entry.clause, entries: [] };
    unit.entries.push(entry);
    units.set(entry.finding.clauseId, unit);
  }
  return [...units.values()];
}

/**
 * One row per structural unit that has a confirmed finding to act on: the findings on «ч. 2 ст. 14»
 * are one row with one proposed wording and their reasonings together, never two rows that propose
 * two texts for the same words. Positive norms are not proposals: they are reported in the analysis.
 */
export function buildComparativeTable(findings: readonly MergedFinding[], tree: ClauseTree, options: TableOptions): ComparativeTable {
  const { criteria, lang } = options;
  const draftLang = draftLanguage(tree);
  const good = new Set(options.goodPractice ?? []);
  const ref = clauseReferences(tree, lang);
  const rows: ComparativeRow[] = [];
  for (const unit of unitsOf(findings, tree)) {
    const risks = unit.entries.filter((e) => !isPositive(e.finding, good)).map((e) => e.finding);
    if (risks.length === 0) continue;
    // The wording comes from every confirmed finding on the unit, as in the working copy.
    const all = unit.entries.map((e) => e.finding);
    const amended = options.amendedUnit?.(unit.clauseId);
    // on an applied instruction the Alliance's wording is of the resulting norm, not an edit of the instruction's words
    const revised = unit.clause && options.reviseUnit && !amended ? options.reviseUnit(unit.clause, all) : null;
    const wording = revised ?? latestWording(all, draftLang);
    const ownText = paragraphsOf(unit.clause ? unit.clause.text : unit.entries[0]!.finding.quote.exact);
    rows.push({
      number: rows.length + 1,
      findingIds: risks.map((f) => f.id),
      clauseId: unit.clauseId,
      clauseLabel: unitLabel(unit, ref, lang),
      // the norm as the draft would have it, where the instruction was applied; else the instruction itself
      clauseText: amended ? (amended.after === null ? [TABLE_TEXTS.noCurrent[lang]] : paragraphsOf(amended.after)) : ownText,
      ...(options.amendedUnit ? { currentText: amended?.before ? paragraphsOf(amended.before) : [TABLE_TEXTS.noCurrent[lang]] } : {}),
      proposed: wording ? paragraphsOf(wording) : [TABLE_TEXTS.noWording[lang]],
      justification: justificationOf(risks, criteria, lang),
    });
  }
  return {
    headers: [
      TABLE_HEADERS.number[lang],
      TABLE_HEADERS.unit[lang],
      TABLE_HEADERS.draft[lang],
      options.amendedUnit ? TABLE_HEADERS.proposedAlliance[lang] : TABLE_HEADERS.proposed[lang],
      TABLE_HEADERS.justification[lang],
    ],
    ...(options.amendedUnit ? { currentHeader: TABLE_HEADERS.current[lang] } : {}),
    rows,
    emptyText: TABLE_TEXTS.noFindings[lang],
  };
}
