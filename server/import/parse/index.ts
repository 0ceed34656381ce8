import type { ClauseTree } from '../../../shared/clause';
import type { ImportWarning } from '../../../shared/import-report';
import type { ClauseId } from '../../../shared/ids';
import type { SourceDocument } from '../source';

export interface ParsedDraft {
  tree: ClauseTree;
  /** Parser warnings (numbering gaps and duplicates, unrecognised lines), in document order. */
  warnings: ImportWarning[];
}

/**
 * Recognises the structure of a draft law in its paragraphs.
 * SCAFFOLD: keeps every paragraph as an unrecognised line until the structure parser lands.
 */
export function parseDraft(source: SourceDocument): ParsedDraft {
  return {
    tree: {
      meta: { language: 'ru', actKind: 'other', title: null, date: null, number: null, isDraft: false },
      clauses: source.paragraphs.map((p, i) => ({
        id: `t${i + 1}` as ClauseId,
        kind: 'text' as const,
        number: null,
        label: '',
        text: p.text,
        children: [],
        line: p.line,
      })),
    },
    warnings: [],
  };
}
