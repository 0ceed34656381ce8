import type { SourceParagraph } from '../source';
import { classifyLine } from './classify';

/**
 * An editorial note split over lines: «(Глава утратила силу» / «в соответствии с Законом КР от 19 апреля
 * 2019 года № 49)». A line that opens a bracket it does not close, followed by at most three plain lines
 * the last of which closes it, is one note; the lines are joined by a space (so nothing is lost) before the
 * structure is read, and each join is reported.
 */

const MAX_LINES = 4;
const MAX_CHARS = 400;

export interface LineJoin {
  /** The first and last source line of the joined paragraph. */
  line: number;
  lastLine: number;
}

export function joinSplitNotes(paragraphs: readonly SourceParagraph[]): { paragraphs: readonly SourceParagraph[]; joins: LineJoin[] } {
  let out: SourceParagraph[] | null = null;
  const joins: LineJoin[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const end = opensBracket(p.text) ? closingLine(paragraphs, i, p.text.trim()) : -1;
    if (end < 0) {
      out?.push(p);
      continue;
    }
    out ??= paragraphs.slice(0, i);
    const parts = paragraphs.slice(i, end + 1).map((q) => q.text.trim()).filter((s) => s.length > 0);
    out.push({ ...p, text: parts.join(' ') });
    joins.push({ line: p.line, lastLine: paragraphs[end]!.line });
    i = end;
  }
  return { paragraphs: out ?? paragraphs, joins };
}

/** The index of the line that closes the bracket `t` opens, or -1 when the lines after it are no note's end. */
function closingLine(paragraphs: readonly SourceParagraph[], i: number, t: string): number {
  let depth = bracketDepth(t, 0);
  if (depth <= 0 || t.length > MAX_CHARS) return -1;
  let text = t;
  let lines = 1;
  for (let j = i + 1; j < paragraphs.length && lines < MAX_LINES; j++) {
    const next = paragraphs[j]!.text.trim();
    // a blank line ends the paragraph
    if (next.length === 0 || paragraphs[j]!.line - paragraphs[j - 1]!.line > 1) return -1;
    if (next.charCodeAt(0) === 40 || classifyLine(next).kind !== 'plain') return -1;
    text += ' ' + next;
    lines++;
    if (text.length > MAX_CHARS) return -1;
    depth = bracketDepth(next, depth);
    if (depth <= 0) return depth === 0 && /\)[.;]?$/.test(next) && classifyLine(text).kind === 'note' ? j : -1;
  }
  return -1;
}

/** The text starts with «(» after any spaces: most lines are rejected without a copy. */
function opensBracket(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 160) return c === 40;
  }
  return false;
}

function bracketDepth(t: string, depth: number): number {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth;
}
