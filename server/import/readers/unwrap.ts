import type { ImportRepair } from '../../../shared/import-report';
import { classifyLine, type LineKind } from '../parse/classify';

/**
 * Hard-wrapped plain text: legal-database .txt exports cut every paragraph into lines of ~70 columns
 * («…регулируются  отношения,» / «связанные с …»). Read line by line, one part of an article becomes a
 * part and seventeen абзацы, and a line that starts with a date («25.07.2011 г. N 261-ФЗ)») or a number
 * («11 настоящего Федерального закона») becomes a part or an item of its own. This joins the physical lines
 * of each paragraph before the parser sees them, and reports every join.
 *
 * A text is hard-wrapped when most of its lines end within a few columns of one width that no line exceeds
 * and run on mid-sentence. Then a line continues the one before it:
 * - where the text marks paragraphs by indentation (first lines indented, the rest at one column — or the
 *   reverse), when it stands at the continuation column, or deeper than any paragraph start right after a
 *   line (a heading's title continued under itself);
 * - where it does not (flush left), when the line before was full — the first word of this one would not have
 *   fitted on it — and this one starts no unit of its own («Статья 5.», «2.», «1)», «а)», «–»).
 * A blank line always ends a paragraph, and a heading line always starts one.
 */

export interface RawLine {
  /** The line as in the file, without its line break. */
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

export interface JoinedLine {
  text: string;
  /** The line the paragraph starts on. */
  line: number;
}

/** At least this many lines before a text is judged hard-wrapped: a short draft says nothing either way. */
const MIN_LINES = 20;
const BAND = 10;
const MIN_BAND_SHARE = 0.35;
const MAX_LONGER_SHARE = 0.02;
const MIN_RUN_ON_SHARE = 0.6;
const WIDTHS = { min: 40, max: 120 };
/** Kinds of lines that open a unit: never the continuation of the line before. */
const STARTS_UNIT: ReadonlySet<LineKind> = new Set<LineKind>(['division', 'section', 'subsection', 'chapter', 'subchapter', 'article', 'annex', 'part', 'item', 'subitem', 'dash']);
const HEADING: ReadonlySet<LineKind> = new Set<LineKind>(['division', 'section', 'subsection', 'chapter', 'subchapter', 'article', 'annex']);

interface Measured {
  text: string;
  line: number;
  blank: boolean;
  indent: number;
  width: number;
}

export function unwrapLines(lines: readonly RawLine[]): { lines: JoinedLine[]; repairs: ImportRepair[] } | null {
  // Most texts are not wrapped: their line widths, counted without a copy of any line, say so at once.
  const widths: number[] = [];
  for (const raw of lines) {
    const w = visibleWidth(raw.text);
    if (w > 0) widths.push(w);
  }
  if (widths.length < MIN_LINES) return null;
  const width = wrapWidth(widths, lines);
  if (width === null) return null;
  const measured = lines.map(measure);
  const cue = indentationCue(measured, width);

  const out: JoinedLine[] = [];
  const repairs: ImportRepair[] = [];
  let current: { parts: string[]; line: number; last: number } | null = null;
  const close = (): void => {
    if (current === null) return;
    out.push({ text: current.parts.join(' '), line: current.line });
    if (current.parts.length > 1) repairs.push(joinedRepair(current.line, current.last));
    current = null;
  };
  let previous: Measured | null = null;
  for (const m of measured) {
    if (m.blank) {
      close();
      previous = null;
      continue;
    }
    const trimmed = m.text.trim();
    if (current !== null && previous !== null && continues(previous, m, trimmed, width, cue)) {
      current.parts.push(trimmed);
      current.last = m.line;
    } else {
      close();
      current = { parts: [trimmed], line: m.line, last: m.line };
    }
    previous = m;
  }
  close();
  return { lines: out, repairs };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 13;
}

/** The column a line ends at (a tab counts 8), 0 for a blank line. */
function visibleWidth(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return 0;
  let tabs = 0;
  for (let i = 0; i < end && isSpace(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 9) tabs++;
  return end + tabs * 7;
}

function measure(raw: RawLine): Measured {
  const width = visibleWidth(raw.text);
  let indent = 0;
  for (let i = 0; i < raw.text.length && isSpace(raw.text.charCodeAt(i)); i++) indent += raw.text.charCodeAt(i) === 9 ? 8 : 1;
  return { text: raw.text, line: raw.line, blank: width === 0, indent, width };
}

/**
 * The column the text is wrapped at, or null when it is not wrapped: the 10-column band that holds the most
 * line ends must hold a good share of them, almost no line may run past it, and most lines in it must stop
 * mid-sentence (a wrapped line ends where the width ran out, not where the sentence did).
 */
function wrapWidth(widths: readonly number[], lines: readonly RawLine[]): number | null {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = -1;
  let bestCount = 0;
  for (let w = WIDTHS.min; w <= WIDTHS.max; w++) {
    let n = 0;
    for (let k = w - BAND + 1; k <= w; k++) n += counts.get(k) ?? 0;
    // the widest band wins a tie, so the width is the right edge of the text
    if (n > bestCount || (n === bestCount && n > 0)) {
      bestCount = n;
      best = w;
    }
  }
  if (best < 0 || bestCount < MIN_BAND_SHARE * widths.length) return null;
  // the band's right edge: the widest line in it
  let width = best - BAND + 1;
  for (let k = best - BAND + 1; k <= best; k++) if ((counts.get(k) ?? 0) > 0) width = k;
  const longer = widths.filter((w) => w > width + 2).length;
  if (longer > MAX_LONGER_SHARE * widths.length) return null;
  let band = 0;
  let runOn = 0;
  for (const raw of lines) {
    const w = visibleWidth(raw.text);
    if (w <= width - BAND || w > width) continue;
    band++;
    if (!/[.;:!?»"”)]$/.test(raw.text.trimEnd())) runOn++;
  }
  return runOn >= MIN_RUN_ON_SHARE * band ? width : null;
}

interface Cue {
  /** The column continuation lines stand at. */
  continuation: number;
  /** The column most paragraphs start at. */
  start: number;
}

/**
 * Whether paragraphs are marked by indentation, and how: a full line is followed by a continuation line,
 * so the indentation that most often follows full lines is the continuation column; paragraphs then start at
 * another one, followed by a line at the continuation column often enough to count.
 */
function indentationCue(measured: readonly Measured[], width: number): Cue | null {
  const after = new Map<number, number>();
  const starts = new Map<number, number>();
  let transitions = 0;
  let lines = 0;
  for (let i = 1; i < measured.length; i++) {
    const prev = measured[i - 1]!;
    const m = measured[i]!;
    if (m.blank) continue;
    lines++;
    if (!prev.blank && prev.width > width - BAND) after.set(m.indent, (after.get(m.indent) ?? 0) + 1);
  }
  let continuation = 0;
  let most = -1;
  for (const [indent, n] of after) if (n > most) [continuation, most] = [indent, n];
  for (let i = 1; i < measured.length; i++) {
    const prev = measured[i - 1]!;
    const m = measured[i]!;
    if (m.blank || prev.blank) continue;
    if (prev.indent !== continuation && m.indent === continuation) {
      transitions++;
      starts.set(prev.indent, (starts.get(prev.indent) ?? 0) + 1);
    }
  }
  if (transitions < 3 || transitions < 0.05 * lines) return null;
  let start = continuation;
  most = -1;
  for (const [indent, n] of starts) if (n > most) [start, most] = [indent, n];
  return { continuation, start };
}

function continues(prev: Measured, m: Measured, trimmed: string, width: number, cue: Cue | null): boolean {
  const kind = classifyLine(trimmed).kind;
  if (HEADING.has(kind)) return false;
  if (cue !== null) {
    if (m.indent === cue.continuation) return true;
    // deeper than paragraphs start: a title continued under itself, or a note's dates aligned under it
    return cue.start > cue.continuation ? m.indent > cue.start && !STARTS_UNIT.has(kind) : false;
  }
  if (STARTS_UNIT.has(kind)) return false;
  const firstWord = /^\S+/.exec(trimmed)?.[0] ?? '';
  return prev.width + 1 + [...firstWord].length > width;
}

function joinedRepair(first: number, last: number): ImportRepair {
  return {
    code: 'lines_joined',
    message: {
      ru: `Строки ${first}–${last} соединены в один абзац: в тексте были переносы строк`,
      ky: `${first}–${last}-саптар бир абзацка бириктирилди: текст саптарга бөлүнүп жазылган`,
      en: `Lines ${first}–${last} joined into one paragraph: the text was hard-wrapped`,
    },
    location: { line: first },
  };
}
