import type { ClauseTree } from '../../../shared/clause';
import type { ImportWarning } from '../../../shared/import-report';
import type { SourceDocument } from '../source';
import { assignIds } from './clause-ids';
import { assignLabels } from './clause-labels';
import { detectLanguage } from './language';
import { checkNumbering } from './numbering-check';
import { buildTree } from './tree-builder';
import { unrecognisedLineWarning } from './warnings';

export { normaliseText, clauseTreeText } from './text-normalise';
export { detectLanguage } from './language';

export interface ParsedDraft {
  tree: ClauseTree;
  /** Parser warnings (numbering gaps and duplicates, unrecognised lines), in document order. */
  warnings: ImportWarning[];
}

/**
 * Recognises the structure of a draft law in its paragraphs: header block, preamble, divisions,
 * sections, chapters, articles, parts, items, sub-items, абзацы, notes, signature block; in amendment
 * laws, each instruction with its operation, target and words. Nothing is dropped: every non-blank
 * paragraph's text is the text of exactly one clause, in order (a heading whose title stands on the
 * next paragraph takes that paragraph into its own text, joined by a space).
 */
export function parseDraft(source: SourceDocument): ParsedDraft {
  const language = detectLanguage(source.paragraphs);
  const { roots, info, meta, unrecognised } = buildTree(source.paragraphs);
  assignIds(roots, info);
  assignLabels(roots, info, language);
  const warnings = [...checkNumbering(roots, info), ...unrecognised.map(unrecognisedLineWarning)];
  warnings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
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
  return { tree, warnings };
}
