import type { Edit, Span } from './working-copy-plan';

/**
 * What the confirmed findings on one unit (a part, an item, an article's own line) make of its text,
 * and the tracked changes that get there. The rule a drafter relies on: "Accept all" in Word gives
 * exactly the unit as proposed, "Reject all" exactly the draft.
 *
 * - A wording that restates the unit replaces it whole; its number marker («1.», «а)») stays when the
 *   expert left it out.
 * - A wording for a few words replaces them; where it repeats words that stand next to them in the
 *   law («в случае …» for a quote right after «в случае»), the law keeps its own and gets them once.
 * - Quotation marks typed around a wording are the expert's, not the law's.
 * - Several wordings on one unit: the one the secretary decided last goes first, and every other that
 *   does not overlap it (or one already taken) applies too; a restatement overlaps everything.
 * - The changes are cut word by word (a diff of the unit and its new text), as a drafter marks them.
 */

export interface Proposal {
  wording: string;
  /** Where the quoted words are in the unit's text, when found. */
  quote: Span | null;
  /** When the secretary decided it: the later decision wins an overlap. */
  at: number;
}

/** The pairs of marks an expert may type around her wording. */
const QUOTES: ReadonlyArray<[string, string]> = [
  ['«', '»'],
  ['"', '"'],
  ['„', '“'],
  ['“', '”'],
  ['‘', '’'],
  ["'", "'"],
];

/** Her wording without the quotation marks around it (one pair, only when they enclose all of it). */
export function unquoteWording(wording: string): string {
  const trimmed = wording.trim();
  for (const [open, close] of QUOTES) {
    if (trimmed.length < 2 || !trimmed.startsWith(open) || !trimmed.endsWith(close)) continue;
    const inner = trimmed.slice(open.length, trimmed.length - close.length);
    // «a» и «b» is two quotations, not one quoted wording.
    if (!inner.includes(open) && !inner.includes(close)) return inner.trim();
  }
  return trimmed;
}

/** Words, runs of spaces and single marks: the pieces a change is cut into. */
export function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);
const wordKey = (token: string) => token.toLowerCase().replace(/ё/g, 'е');

/** «1. », «12) », «а) », «1-1. », «- »: the number marker a part or item opens with. */
const MARKER = /^\s*(?:\d+(?:[.-]\d+)*[.)]|[\p{Ll}]\d*\)|[-–—])\s+/u;

function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

/** The wording says the whole unit again (most of its words, in order), rather than a few words of it. */
function restates(text: string, wording: string): boolean {
  const body = text.replace(MARKER, '');
  const unitWords = tokens(body).filter(isWord).map(wordKey);
  const wordingWords = tokens(wording).filter(isWord).map(wordKey);
  if (unitWords.length === 0 || wordingWords.length === 0) return false;
  if (unitWords.length * wordingWords.length > 4_000_000) return false;
  return lcsLength(unitWords, wordingWords) >= 0.6 * unitWords.length;
}

/** A span of the unit's text and what replaces it. */
interface Replacement extends Span {
  with: string;
  at: number;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * How much of the wording's beginning repeats the text right before the quote: compared as text
 * (case aside), starting at a word boundary of the law, and either whole words with their space
 * («с » before «гражданину», «в случае » before «смерти») or at least two letters («12-» before «1»).
 */
function repeatedBefore(before: string, wording: string): number {
  for (let k = Math.min(before.length, wording.length - 1); k > 0; k--) {
    const head = wording.slice(0, k);
    if ((head.match(/[\p{L}\p{N}]/gu) ?? []).length < 2 && !/^[\p{L}\p{N}]+\s$/u.test(head)) continue;
    const start = before.length - k;
    if (isWordChar(before[start - 1]) || !isWordChar(before[start]) && !isWordChar(head[0])) continue;
    if (head.toLowerCase() === before.slice(start).toLowerCase()) return k;
  }
  return 0;
}

/** The same at the end: the wording's end repeats the text right after the quote, up to a word boundary. */
function repeatedAfter(after: string, wording: string): number {
  for (let k = Math.min(after.length, wording.length - 1); k > 0; k--) {
    const tail = wording.slice(wording.length - k);
    const letters = (tail.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (letters < 2 && !/^[.,;:]$/.test(tail.trim())) continue;
    if (isWordChar(after[k])) continue;
    if (tail.toLowerCase() === after.slice(0, k).toLowerCase()) return k;
  }
  return 0;
}

/**
 * The wording without what it repeats of the words around the quote: the expert wrote them again
 * around her change; the law keeps its own (its capital letter, its spelling) and gets them once.
 */
function withoutRepeatedContext(text: string, quote: Span, wording: string): string {
  const head = repeatedBefore(text.slice(0, quote.start), wording);
  const rest = wording.slice(head);
  const tail = repeatedAfter(text.slice(quote.end), rest);
  return rest.slice(0, rest.length - tail);
}

function replacementOf(text: string, proposal: Proposal): Replacement | null {
  const wording = unquoteWording(proposal.wording);
  if (!wording) return null;
  if (restates(text, wording)) {
    const marker = MARKER.exec(text)?.[0] ?? '';
    // Her restatement without the unit's number keeps the number; with it, it replaces it too.
    const keepsMarker = marker !== '' && !MARKER.test(wording);
    return { start: keepsMarker ? marker.length : 0, end: text.length, with: wording, at: proposal.at };
  }
  if (!proposal.quote) return null;
  return { ...proposal.quote, with: withoutRepeatedContext(text, proposal.quote, wording), at: proposal.at };
}

/** The unit's new text under all its proposals, or null when none of them changes it. */
export function revisedUnit(text: string, proposals: readonly Proposal[]): string | null {
  const candidates = proposals
    .map((p) => replacementOf(text, p))
    .filter((r): r is Replacement => r !== null)
    // Later decision first; on the same moment, the order the findings stand in (a stable sort).
    .sort((a, b) => b.at - a.at);
  const taken: Replacement[] = [];
  for (const r of candidates) if (taken.every((t) => r.end <= t.start || t.end <= r.start)) taken.push(r);
  if (taken.length === 0) return null;
  let revised = text;
  for (const r of taken.sort((a, b) => b.start - a.start)) revised = revised.slice(0, r.start) + r.with + revised.slice(r.end);
  return revised === text ? null : revised;
}

/**
 * The tracked changes from `before` to `after`, cut at words: a longest common subsequence of the
 * two texts' tokens; what is not common is deleted or inserted. A unit too long to diff (millions of
 * token pairs) changes as one span between its common beginning and end.
 */
export function wordEdits(before: string, after: string): Edit[] {
  if (before === after) return [];
  const a = tokens(before);
  const b = tokens(after);
  if (a.join('') !== before || b.join('') !== after || a.length * b.length > 4_000_000) return [spanEdit(before, after)];
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  let offset = 0;
  let open: Edit | null = null;
  const flush = () => {
    if (open) edits.push(open);
    open = null;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      offset += a[i]!.length;
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      open ??= { start: offset, end: offset, insert: '' };
      open.insert += b[j]!;
      j++;
    } else {
      open ??= { start: offset, end: offset, insert: '' };
      offset += a[i]!.length;
      open.end = offset;
      i++;
    }
  }
  flush();
  return absorbSpaces(before, edits);
}

function spanEdit(before: string, after: string): Edit {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start: prefix, end: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/**
 * Two changes with only a space kept between them read as one to a drafter: «матери и отцу» →
 * «родителям» is one struck phrase, not three struck words around two kept spaces.
 */
function absorbSpaces(text: string, edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const edit of edits) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, edit.start) : null;
    if (last && between !== null && /^\s+$/.test(between)) {
      last.insert += between + edit.insert;
      last.end = edit.end;
    } else out.push({ ...edit });
  }
  return out;
}
