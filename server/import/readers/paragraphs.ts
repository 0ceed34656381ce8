import type { SourceParagraph } from '../source';

/**
 * Text as a reader of the printed page sees it: runs of spaces, tabs and no-break spaces are one space,
 * zero-width and soft-hyphen characters are invisible, the text is NFC.
 */
export function printedText(raw: string): string {
  // Most lines need none of this; testing first spares the allocation of a copy per line.
  let text = INVISIBLE.test(raw) ? raw.replace(INVISIBLE_ALL, '') : raw;
  if (IRREGULAR_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  return NFC_STABLE.test(text) ? text : text.normalize('NFC');
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
/** Any whitespace but a single plain space (\s covers tabs, NBSP, U+2007, U+202F, line separators). */
const IRREGULAR_SPACE = /[^\S ]| {2}/;
/**
 * Characters NFC never changes: Latin up to U+02FF (combining marks start at U+0300), Cyrillic without its
 * combining marks (Ё, Й, Ң, Ө, Ү are precomposed and stable), general punctuation, currency, №, ™.
 * A line made only of these skips normalize(), which is most lines of a Russian or Kyrgyz law.
 */
const NFC_STABLE = /^[\u0000-\u02FF\u0400-\u0482\u048A-\u04FF\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2116\u2122]*$/;

/** Accumulates the paragraphs of a document, dropping blank ones and numbering the rest from 1. */
export class ParagraphSink {
  readonly paragraphs: SourceParagraph[] = [];

  /** Adds a paragraph when it has visible text; returns whether it did. `line` defaults to the next ordinal. */
  push(raw: string, hints?: SourceParagraph['hints'], line?: number): boolean {
    const text = printedText(raw);
    if (text.length === 0) return false;
    const paragraph: SourceParagraph = { text, line: line ?? this.paragraphs.length + 1 };
    if (hints && (hints.style !== undefined || hints.bold || hints.centered)) {
      const clean: NonNullable<SourceParagraph['hints']> = {};
      if (hints.style !== undefined) clean.style = hints.style;
      if (hints.bold) clean.bold = true;
      if (hints.centered) clean.centered = true;
      paragraph.hints = clean;
    }
    this.paragraphs.push(paragraph);
    return true;
  }

  /** The line the next pushed paragraph will get when no explicit line is given. */
  get nextLine(): number {
    return this.paragraphs.length + 1;
  }
}

/** A manual line break (Word's Shift+Enter, HTML's <br>) inside a paragraph, until the paragraph ends. */
export const LINE_BREAK = '\u2028';

/**
 * Resolves manual line breaks: each one ends a paragraph (drafts put «Статья 5. Title» and its text on
 * two lines of one paragraph), except inside a sentence that runs on in lower case, where it was only
 * a way to wrap the line and prints as a space.
 */
export function splitManualBreaks(text: string): string[] {
  const segments = text.split(LINE_BREAK);
  const out: string[] = [];
  let pending = segments[0]!;
  for (let i = 1; i < segments.length; i++) {
    const next = segments[i]!;
    const prev = pending.trimEnd();
    if (prev.length > 0 && !/[.:;!?»"”)\]]$/.test(prev) && /^\s*\p{Ll}/u.test(next)) pending = `${prev} ${next.trimStart()}`;
    else {
      out.push(pending);
      pending = next;
    }
  }
  out.push(pending);
  return out;
}
