import { createHash } from 'node:crypto';
import { walkClauses, type ClauseKind, type ClauseTree } from '../../shared/clause';
import { clauseTreeToDoc } from '../../shared/clause-doc';
import type { ImportRepair, ImportReport, ImportWarning } from '../../shared/import-report';
import { ImportErrors } from './errors';
import { parseDraft } from './parse';
import { detectFormat } from './readers/detect';
import { readDocx } from './readers/docx';
import { readHtml } from './readers/html';
import { looksLikeMht, readMht } from './readers/mht';
import { readText } from './readers/text';
import type { SourceDocument } from './source';

export interface ImportOptions {
  /** The uploaded file's name: a hint for the format when the bytes leave it open (.html vs .txt). */
  fileName?: string;
  /** Zip-bomb guard for DOCX: the most the parts we read may inflate to. */
  maxInflatedBytes: number;
}

export interface DraftImport {
  source: SourceDocument;
  tree: ClauseTree;
  /** ProseMirror JSON that seeds the review's TEXT doc. */
  pmDoc: unknown;
  report: ImportReport;
  sourceSha256: string;
}

/** bytes → SourceDocument by the format the bytes are in. */
export function readSource(bytes: Uint8Array, options: ImportOptions): SourceDocument {
  const format = detectFormat(bytes, options.fileName);
  switch (format) {
    case 'docx':
      return readDocx(bytes, { maxInflatedBytes: options.maxInflatedBytes });
    case 'html':
      return looksLikeMht(bytes) ? readMht(bytes) : readHtml(bytes);
    case 'text':
      return readText(bytes);
  }
}

/**
 * The whole import of one draft, pure and synchronous: detect the format, read it to paragraphs, parse
 * the structure, build the editor document and the report. Throws a coded ImportError on bad input and
 * stores nothing — the caller stores the result in one transaction.
 */
export function importDraft(bytes: Uint8Array, options: ImportOptions): DraftImport {
  const started = performance.now();
  const source = readSource(bytes, options);
  if (source.paragraphs.length === 0) throw ImportErrors.IMPORT_NO_TEXT();
  const parsed = parseDraft(source);
  if (parsed.tree.clauses.length === 0) throw ImportErrors.IMPORT_NO_TEXT();
  const pmDoc = clauseTreeToDoc(parsed.tree).toJSON();
  const counts: Partial<Record<ClauseKind, number>> = {};
  for (const [clause] of walkClauses(parsed.tree.clauses)) counts[clause.kind] = (counts[clause.kind] ?? 0) + 1;
  const meta = parsed.tree.meta;
  const report: ImportReport = {
    format: source.format,
    ...(source.encoding ? { encoding: source.encoding } : {}),
    language: meta.language,
    actKind: meta.actKind,
    isDraft: meta.isDraft,
    title: meta.title,
    counts,
    warnings: [...locateInTree(source.warnings, parsed.tree), ...parsed.warnings],
    ...repairsOf(source, parsed.tree, parsed.repairs),
    paragraphs: source.paragraphs.length,
    characters: source.paragraphs.reduce((sum, p) => sum + p.text.length, 0),
    durationMs: 0,
  };
  const sourceSha256 = createHash('sha256').update(bytes).digest('hex');
  report.durationMs = Math.round((performance.now() - started) * 10) / 10;
  return { source, tree: parsed.tree, pmDoc, report, sourceSha256 };
}

/** The reader's and the parser's repairs, in source order; no field at all when there are none. */
function repairsOf(source: SourceDocument, tree: ClauseTree, parsed: readonly ImportRepair[]): { repairs?: ImportRepair[] } {
  const repairs = [...locateInTree(source.repairs ?? [], tree), ...parsed];
  if (repairs.length === 0) return {};
  repairs.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  return { repairs };
}

/**
 * Reader warnings know only the source line; the report also names the clause that line ended up in
 * («Статья 5, часть 2»), so the secretary can jump to it.
 */
function locateInTree<W extends ImportWarning | ImportRepair>(warnings: readonly W[], tree: ClauseTree): W[] {
  const starts: Array<{ line: number; id: string; label: string }> = [];
  for (const [clause] of walkClauses(tree.clauses)) if (clause.line !== undefined) starts.push({ line: clause.line, id: clause.id, label: clause.label });
  starts.sort((a, b) => a.line - b.line);
  return warnings.map((warning) => {
    const line = warning.location.line;
    if (line === undefined || starts.length === 0) return warning;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return warning;
    // Among clauses starting on the same line the deepest comes last in document order.
    const at = starts[found]!;
    return { ...warning, location: { ...warning.location, clauseId: at.id, ...(at.label ? { label: at.label } : {}) } };
  });
}

const DRAFT_MARK = /^\s*(проект|долбоор|draft)\s*$/i;

/** A review title when the form leaves it empty: the act's title, else its first line, else the file name. */
export function defaultTitle(result: DraftImport, fileName: string): string {
  const firstLine = result.source.paragraphs.find((p) => /\p{L}{3,}/u.test(p.text) && !DRAFT_MARK.test(p.text))?.text;
  const candidate = result.tree.meta.title ?? firstLine ?? fileName;
  return candidate.length > 300 ? `${candidate.slice(0, 297)}…` : candidate;
}
