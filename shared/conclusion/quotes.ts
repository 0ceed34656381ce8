import type { Lang } from '../i18n/lang';

/**
 * Quotation marks inside a quoted title, balanced and nested as each language prints them: «…„…“…» in
 * Russian and Kyrgyz, “…‘…’…” in English. A title arrives with whatever marks its source used
 * (straight "…", «…», “…”, sometimes one left unclosed by the import or the typist); the outer pair is
 * the conclusion's own, so the title's marks become the inner pair, and a mark that closes nothing
 * is dropped.
 */
const OUTER: Readonly<Record<Lang, [string, string]>> = { ru: ['«', '»'], ky: ['«', '»'], en: ['“', '”'] };
const INNER: Readonly<Record<Lang, [string, string]>> = { ru: ['„', '“'], ky: ['„', '“'], en: ['‘', '’'] };

const OPENERS = new Set(['«', '„', '‚']);
const CLOSERS = new Set(['»']);
/** Marks that open or close by where they stand: straight quotes, and “ ” which languages use either way. */
const EITHER = new Set(['"', '“', '”', '‘', '’', '‟']);

const QUOTE = /["«»„“”‚‘’‟]/;

function opensHere(text: string, at: number): boolean {
  const before = at === 0 ? '' : text[at - 1]!;
  const after = text[at + 1] ?? '';
  return (before === '' || /[\s([{—–-]/.test(before)) && after !== '' && !/\s/.test(after);
}

/** The title's own outer marks removed: «О …» and "О …" alike become О …, and marks hanging at its ends go. */
export function bareTitle(title: string): string {
  let text = title.trim();
  for (;;) {
    const marks = balanced(text);
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (last && !last.closed && last.at === text.length - 1) text = text.slice(0, -1).trim();
    else if (first && !first.closed && first.at === 0) text = text.slice(1).trim();
    else if (first && first.at === 0 && first.opens && first.partner === text.length - 1) text = text.slice(1, -1).trim();
    else return text;
  }
}

interface Mark {
  at: number;
  opens: boolean;
  closed: boolean;
  partner?: number;
}

/** Pairs the marks of a text by nesting; a mark that fits no pair is marked unclosed. */
function balanced(text: string): Mark[] {
  const marks: Mark[] = [];
  const stack: Mark[] = [];
  for (let at = 0; at < text.length; at++) {
    const ch = text[at]!;
    if (!QUOTE.test(ch)) continue;
    const opens = OPENERS.has(ch) || (EITHER.has(ch) && opensHere(text, at));
    const closes = CLOSERS.has(ch) || (EITHER.has(ch) && !opens);
    if (opens) {
      const mark: Mark = { at, opens: true, closed: false };
      marks.push(mark);
      stack.push(mark);
    } else if (closes) {
      const open = stack.pop();
      const mark: Mark = { at, opens: false, closed: open !== undefined };
      if (open) {
        open.closed = true;
        open.partner = at;
        mark.partner = open.at;
      }
      marks.push(mark);
    }
  }
  return marks;
}

/**
 * The title as it stands inside the conclusion's quotation marks: its marks nested one level down,
 * every pair closed. A mark that closes nothing is dropped; one that opens and is never closed too.
 */
export function nestedTitle(title: string, lang: Lang): string {
  const text = bareTitle(title);
  const [open, close] = INNER[lang];
  const marks = balanced(text);
  const replace = new Map<number, string>();
  for (const mark of marks) replace.set(mark.at, mark.closed ? (mark.opens ? open : close) : '');
  let out = '';
  for (let at = 0; at < text.length; at++) out += replace.has(at) ? replace.get(at)! : text[at]!;
  return out.replace(/\s{2,}/g, ' ').trim();
}

/** The title in the conclusion's own quotation marks: «…» (ru, ky), “…” (en). */
export function quotedTitle(title: string, lang: Lang): string {
  const [open, close] = OUTER[lang];
  return `${open}${nestedTitle(title, lang)}${close}`;
}
