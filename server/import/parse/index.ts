import { walkClauses, type Clause, type ClauseTree } from '../../../shared/clause';
import type { ImportRepair, ImportWarning } from '../../../shared/import-report';
import type { SourceDocument } from '../source';
import { assignIds } from './clause-ids';
import { assignLabels } from './clause-labels';
import { joinSplitNotes, type LineJoin } from './join-notes';
import { detectLanguage } from './language';
import { checkNumbering } from './numbering-check';
import { restoreFlattenedNumbers } from './restore-numbers';
import { buildTree, type PendingRepair } from './tree-builder';
import { unrecognisedLineWarning } from './warnings';

export { normaliseText, clauseTreeText } from './text-normalise';
export { detectLanguage } from './language';

export interface ParsedDraft {
  tree: ClauseTree;
  /** Parser warnings (numbering gaps and duplicates, unrecognised lines), in document order. */
  warnings: ImportWarning[];
  /** What the parser repaired (superscripts restored, headings and split notes joined), in document order. */
  repairs: ImportRepair[];
}

/**
 * Recognises the structure of a draft law in its paragraphs: header block, preamble, divisions,
 * sections, chapters, articles, parts, items, sub-items, абзацы, notes, signature block; in amendment
 * laws, each instruction with its operation, target and words. Nothing is dropped: every non-blank
 * paragraph's text is the text of exactly one clause, in order (a heading whose title stands on the
 * following paragraphs, or a note split over lines, takes those paragraphs into its own text, joined by a
 * space). Numbers a source printed with their superscript flattened («Статья 161» for 16¹) are restored.
 */
export function parseDraft(source: SourceDocument): ParsedDraft {
  const language = detectLanguage(source.paragraphs);
  const joined = joinSplitNotes(source.paragraphs);
  const { roots, info, meta, unrecognised, repairs: built } = buildTree(joined.paragraphs);
  const restored = restoreFlattenedNumbers(roots, info);
  assignIds(roots, info);
  assignLabels(roots, info, language);
  const warnings = [...checkNumbering(roots, info), ...unrecognised.map(unrecognisedLineWarning)];
  warnings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  const repairs = [...restored, ...built].map(located);
  repairs.push(...noteJoins(joined.joins, roots));
  repairs.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  const tree: ClauseTree = {
    meta: {
      language,
      actKind: meta.actKind,
      title: meta.title,
      date: meta.date,
      number: meta.number,
      isDraft: meta.isDraft,
      ...(meta.actKind === 'amendment_law' ? { amendedActs: meta.amendedActs } : {}),
    },
    clauses: roots,
  };
  return { tree, warnings, repairs };
}

function located(r: PendingRepair): ImportRepair {
  return { code: r.code, message: r.message(r.clause.label), location: { ...(r.line !== undefined ? { line: r.line } : {}), clauseId: r.clause.id, label: r.clause.label } };
}

function noteJoins(joins: readonly LineJoin[], roots: readonly Clause[]): ImportRepair[] {
  if (joins.length === 0) return [];
  const at = new Map<number, Clause>();
  for (const [clause] of walkClauses(roots)) if (clause.line !== undefined) at.set(clause.line, clause);
  return joins.map(({ line, lastLine }) => {
    const clause = at.get(line);
    return {
      code: 'lines_joined',
      message: {
        ru: `Строки ${line}–${lastLine} соединены в одно примечание: скобка, открытая в строке ${line}, закрыта в строке ${lastLine}`,
        ky: `${line}–${lastLine}-саптар бир маалымдамага бириктирилди: ${line}-саптагы кашаа ${lastLine}-сапта жабылат`,
        en: `Lines ${line}–${lastLine} joined into one note: the bracket opened on line ${line} closes on line ${lastLine}`,
      },
      location: { line, ...(clause ? { clauseId: clause.id, label: clause.label } : {}) },
    };
  });
}
