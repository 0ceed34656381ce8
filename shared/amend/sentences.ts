import { paragraphNumber } from './ordinals';
import { numberMarker } from './units';

/**
 * Sentences of a unit's text as a drafter counts them («второе предложение части 2», «экинчи сүйлөмү»), and the
 * sentence an instruction names. Pure.
 *
 * A sentence ends at «.», «!» or «?» followed by a capital letter (or by the end of the text). A semicolon ends
 * none: in KR and RU laws it closes list items — which the import already reads as units of their own — or joins
 * two clauses of one sentence («…; при этом …»); drafters counting «предложения» never count across it. A stop
 * never ends a sentence inside quotes or brackets, after an abbreviation that always has something after it
 * («ст.», «ч.», «п.», «пп.», «подп.», «г.», «абз.», «ш.»), after an initial («А.А. Иванов», «А. Иванов»), inside a
 * number («1.5»), or in the unit's own number («1.», «2)», «а)»). Abbreviations that may close a sentence («руб.»,
 * «сом», «т.д.», «т.е.», «б.а.») end one only when a capital follows — «100 руб. в месяц» is one sentence, «не менее
 * 500 сом. Работник …» two.
 */
export interface SentenceSpan {
  start: number;
  /** Just after its closing stop. */
  end: number;
}

const ALWAYS_FOLLOWED = new Set(['ст', 'ч', 'п', 'пп', 'подп', 'г', 'гг', 'им', 'абз', 'см', 'ш', 'гр', 'ул', 'обл', 'д', 'р', 'ст-я']);
/** Latin letters typed for Cyrillic ones («cм.»). */
const LOOKALIKE: Readonly<Record<string, string>> = { a: 'а', c: 'с', e: 'е', p: 'р', o: 'о', x: 'х' };
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const OPENING = '«“„(';
const CLOSING = '»”)';

export function sentences(text: string): SentenceSpan[] {
  // a quote opened and never closed in the line (a consolidated text's slip) quotes nothing: read without quotes
  return split(text, true) ?? split(text, false)!;
}

function split(text: string, quotes: boolean): SentenceSpan[] | null {
  const marker = numberMarker(text);
  let i = marker ? text.indexOf(marker) + marker.length : 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const out: SentenceSpan[] = [];
  let start = i;
  let depth = 0;
  let straight = false; // inside "…"
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (!quotes) {
      // brackets still count
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
    } else if (OPENING.includes(c)) depth++;
    else if (CLOSING.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '"') straight = !straight;
    if (depth > 0 || straight || !'.!?'.includes(c)) continue;
    let end = i + 1;
    while (end < text.length && '.!?'.includes(text[end]!)) end++;
    const rest = text.slice(end);
    const next = /^\s+(\S)/u.exec(rest);
    const atEnd = rest.trim() === '';
    if (!atEnd && (!next || !/[\p{Lu}«"“„]/u.test(next[1]!))) continue;
    if (c === '.' && !atEnd && !endsSentence(text.slice(start, i))) continue;
    out.push({ start, end });
    i = end - 1;
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (quotes && (depth > 0 || straight)) return null;
  const tail = text.slice(start).trimEnd();
  if (tail !== '') out.push({ start, end: start + tail.length });
  return out;
}

/** May the stop after `before` end a sentence: not after «ст», «г», an initial. */
function endsSentence(before: string): boolean {
  const word = (/([\p{L}\p{N}.-]*)$/u.exec(before)?.[1] ?? '').replace(/[acepox]/g, (l) => LOOKALIKE[l]!);
  if (word === '') return true;
  if (INITIALS.test(word)) return false;
  return !ALWAYS_FOLLOWED.has(word.toLowerCase());
}

/** The sentence an instruction names: sentence n («второе предложение», «акыркы сүйлөмү»), or a new one to add. */
export type SentenceTarget = { kind: 'sentence'; n: number | 'last' } | { kind: 'sentences'; n: number[] } | { kind: 'new'; after: number | null };

const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”|„[^“”]*[“”]/gu;
const WORD = '([\\p{L}-]+)';
const RU_NEW = /дополнить\s+(?:[\p{L}-]+\s+){0,2}предложени(?:ем|ями)/u;
const KY_NEW = /сүйлөм(?:дөр)?\s+менен\s+толукталсын/u;
const RU_AFTER = new RegExp(`после\\s+${WORD}\\s+предложени`, 'u');
const KY_AFTER = new RegExp(`${WORD}\\s+сүйлөмүнөн\\s+кийин`, 'u');
const BEFORE_WORD = new RegExp(`${WORD}\\s+(?:предложени|сүйлөм)`, 'gu');
const AFTER_WORD = new RegExp(`предложени[\\p{L}]*\\s+${WORD}`, 'gu');
// «второе и третье предложения», «шестое, восьмое и десятое предложения», «алтынчы жана сегизинчи сүйлөмдөрү»
const SEVERAL = /((?:[\p{L}-]+\s*,\s*)*[\p{L}-]+\s+(?:и|жана)\s+[\p{L}-]+)\s+(?:предложения|сүйлөмдөр)/u;

function ordinal(word: string): number | 'last' | null {
  const w = word.toLowerCase();
  if (/^последн|^акыркы/u.test(w)) return 'last';
  if (/^(?:дополн|част|пункт|абзац|стать|в|во|и)$/u.test(w)) return null;
  return paragraphNumber(w);
}

export function sentenceTarget(instructionText: string): SentenceTarget | null {
  const text = instructionText.replace(QUOTED, '""').toLowerCase().replace(/ё/g, 'е');
  if (!/предложени|сүйлөм/u.test(text)) return null;
  if (RU_NEW.test(text) || KY_NEW.test(text)) {
    const after = RU_AFTER.exec(text) ?? KY_AFTER.exec(text);
    const n = after ? ordinal(after[1]!) : null;
    return { kind: 'new', after: typeof n === 'number' ? n : null };
  }
  const several = SEVERAL.exec(text);
  if (several) {
    const n = several[1]!.split(/\s*,\s*|\s+(?:и|жана)\s+/u).map(ordinal);
    // words before the list that are no ordinals («по заявлению, шестое и …») are not part of it
    while (n.length > 0 && typeof n[0] !== 'number') n.shift();
    if (n.length > 1 && n.every((x): x is number => typeof x === 'number')) return { kind: 'sentences', n };
  }
  for (const re of [BEFORE_WORD, AFTER_WORD]) {
    for (const m of text.matchAll(re)) {
      const n = ordinal(m[1]!);
      if (n !== null) return { kind: 'sentence', n };
    }
  }
  return null;
}
