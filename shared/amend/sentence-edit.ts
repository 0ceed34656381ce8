import type { Clause } from '../clause';
import type { Lang } from '../i18n/lang';
import type { Instruction } from './instructions';
import type { ActWorkspace } from './locate';
import { Refusal } from './refusal';
import { sentences, type SentenceTarget } from './sentences';
import { endPosition, findWords, insertAt, removeAt, unquote } from './words';

/**
 * Applying an instruction to one sentence of a unit. Sentences are counted as the base act printed them, as
 * paragraphs are: one taken out by an earlier instruction still counts, one added does not («часть 2 после
 * первого предложения дополнить …», then «третье предложение части 2 …» names the act's third). Words are looked
 * for in the named sentence only: found elsewhere in the unit they are not found.
 */
interface Slot {
  /** The sentence as it reads now; null once taken out. */
  text: string | null;
  /** Printed in the base act (counted), or added by an instruction (not counted). */
  printed: boolean;
}

interface LineSentences {
  /** The unit's number and the space after it («1. »), '' for a paragraph. */
  head: string;
  slots: Slot[];
  /** The line's text as last built from the slots: if another instruction changed it since, it is read afresh. */
  built: string;
}

/** The sentences of every line a sentence instruction has touched, per act being amended. */
export class SentenceLines {
  private readonly lines = new Map<Clause, LineSentences>();

  of(line: Clause): LineSentences {
    const had = this.lines.get(line);
    if (had && had.built === line.text) return had;
    const spans = sentences(line.text);
    const head = spans.length > 0 ? line.text.slice(0, spans[0]!.start) : line.text;
    const read: LineSentences = { head, slots: spans.map((s) => ({ text: line.text.slice(s.start, s.end), printed: true })), built: line.text };
    this.lines.set(line, read);
    return read;
  }

  build(line: Clause, read: LineSentences): void {
    const body = read.slots.flatMap((s) => (s.text === null || s.text === '' ? [] : [s.text])).join(' ');
    line.text = body === '' ? read.head.trim() : read.head + body;
    read.built = line.text;
  }
}

/**
 * The lines whose sentences a unit's sentences are: an article's paragraphs, or a part's own line and its paragraphs;
 * a paragraph named («абзаца первого части 4») is its own line only, even when it is the part's first line.
 */
function sentenceLines(ws: ActWorkspace, unit: Clause, paragraph: boolean): Clause[] {
  if (paragraph) return [unit];
  const paragraphs = unit.children.filter((c) => c.kind === 'indent' && ws.live(c));
  return unit.kind === 'article' || unit.kind === 'chapter' || unit.kind === 'section' ? paragraphs : [unit, ...paragraphs];
}

interface Place {
  line: Clause;
  read: LineSentences;
  index: number;
}

function sentenceWord(n: number | 'last', lang: Lang): string {
  const which = n === 'last' ? (lang === 'ky' ? 'акыркы' : 'последнее') : String(n);
  return lang === 'ky' ? `сүйлөм ${which}` : `предложение ${which}`;
}

/** The printed sentence n of the unit (removed ones count), or the refusal naming it. */
function findSentence(store: SentenceLines, lines: readonly Clause[], n: number | 'last', unit: Clause, lang: Lang): Place {
  const printed: Place[] = [];
  for (const line of lines) {
    const read = store.of(line);
    read.slots.forEach((s, index) => {
      if (s.printed) printed.push({ line, read, index });
    });
  }
  const place = n === 'last' ? printed[printed.length - 1] : printed[n - 1];
  const missing = `${unit.label}, ${sentenceWord(n, lang)}`;
  if (!place || place.read.slots[place.index]!.text === null) throw new Refusal('target_not_found', missing);
  return place;
}

function newSentence(ins: Instruction): string {
  const quoted = ins.quoted.map((c) => c.text).join(' ');
  const text = ins.info.newWords ?? (quoted === '' ? undefined : quoted);
  if (text === undefined || unquote(text) === '') throw new Refusal('no_new_text');
  return unquote(text);
}

/** The one place `words` stand in `sentence`; not there or there twice: refused. */
function onlyAt(sentence: string, words: string): number {
  const hits = findWords(sentence, words);
  if (hits.length === 0) throw new Refusal('words_not_found', words);
  if (hits.length > 1) throw new Refusal('ambiguous', `${words} ×${hits.length}`);
  return hits[0]!;
}

/** Edits `sentence` by each of `words` in turn (all checked first); `edit` gets the place of each. */
function editEach(sentence: string, words: readonly string[], edit: (text: string, at: number, word: string) => string): string {
  for (const w of words) onlyAt(sentence, w);
  let text = sentence;
  for (const w of words) text = edit(text, onlyAt(text, w), w);
  return text;
}

/**
 * Applies `ins` to the sentence `target` names in `unit`. Returns the lines changed with their text before; throws
 * a Refusal (nothing changed) when the sentence or the words are not there.
 */
export function applyToSentence(ws: ActWorkspace, store: SentenceLines, unit: Clause, ins: Instruction, target: SentenceTarget, lang: Lang): Array<{ line: Clause; old: string }> {
  const lines = sentenceLines(ws, unit, ins.info.target.paragraph !== undefined);
  if (lines.length === 0) throw new Refusal('target_not_found', `${unit.label}, ${sentenceWord(target.kind === 'sentence' ? target.n : target.kind === 'sentences' ? target.n[0]! : 1, lang)}`);
  const info = ins.info;
  let place: Place;
  let text: string | null;
  if (target.kind === 'new') {
    if (info.operation !== 'supplement') throw new Refusal('unsupported', 'sentence');
    const fresh = newSentence(ins);
    if (target.after === null) {
      const line = lines[lines.length - 1]!;
      const read = store.of(line);
      place = { line, read, index: read.slots.length };
    } else {
      const at = findSentence(store, lines, target.after, unit, lang);
      let index = at.index + 1;
      // after the sentences an earlier instruction added there
      while (index < at.read.slots.length && !at.read.slots[index]!.printed) index++;
      place = { ...at, index };
    }
    const old = place.line.text;
    place.read.slots.splice(place.index, 0, { text: fresh, printed: false });
    store.build(place.line, place.read);
    return [{ line: place.line, old }];
  }
  if (target.kind === 'sentences') {
    // «второе и третье предложения исключить»: only taking several out is read; all found before any goes
    if (info.operation !== 'exclude' && info.operation !== 'repeal') throw new Refusal('unsupported', 'sentence');
    if (info.oldWords !== undefined) throw new Refusal('unsupported', 'sentence');
    const places = target.n.map((n) => findSentence(store, lines, n, unit, lang));
    const olds = new Map<Clause, string>();
    for (const p of places) {
      if (!olds.has(p.line)) olds.set(p.line, p.line.text);
      p.read.slots[p.index]!.text = null;
      store.build(p.line, p.read);
    }
    return [...olds].map(([line, old]) => ({ line, old }));
  }
  place = findSentence(store, lines, target.n, unit, lang);
  const sentence = place.read.slots[place.index]!.text!;
  switch (info.operation) {
    case 'replace_words': {
      if (info.oldWords === undefined || info.newWords === undefined) throw new Refusal('no_new_text');
      const newWords = info.newWords;
      text = editEach(sentence, info.oldWords.split('; '), (t, at, w) => insertAt(t.slice(0, at) + t.slice(at + w.length), at, newWords));
      break;
    }
    case 'exclude':
    case 'repeal':
      // a sentence «исключить» or «признать утратившим силу» leaves no words behind in the consolidated text
      text = info.oldWords !== undefined ? editEach(sentence, info.oldWords.split('; '), (t, at, w) => removeAt(t, at, w.length)) : null;
      break;
    case 'restate':
      text = newSentence(ins);
      break;
    case 'supplement': {
      // «второе предложение дополнить словами "…"»: at the words it names, or at the sentence's end
      const insertions = info.insertions ?? (info.newWords !== undefined ? [{ words: info.newWords, ...(info.anchor ? { anchor: info.anchor } : {}) }] : []);
      if (insertions.length === 0) throw new Refusal('no_new_text');
      for (const i of insertions) if (i.anchor) onlyAt(sentence, i.anchor.words);
      text = sentence;
      for (const i of insertions) {
        const at = i.anchor ? onlyAt(text, i.anchor.words) + (i.anchor.position === 'after' ? i.anchor.words.length : 0) : endPosition(text);
        text = insertAt(text, at, unquote(i.words));
      }
      break;
    }
    default:
      throw new Refusal('unsupported', 'sentence');
  }
  const old = place.line.text;
  place.read.slots[place.index]!.text = text;
  store.build(place.line, place.read);
  return [{ line: place.line, old }];
}
