import { walkClauses, type ClauseKind, type ClauseTree } from '../../shared/clause';
import { quoteAt } from '../../shared/collab/anchor';
import { alignTrees } from '../../shared/versions/align';
import { Carrier, type AnchorSource, type Placement } from '../../shared/versions/reanchor';
import { importDraft } from '../../server/import/import-draft';

/**
 * A new version of a real act made by seeded, realistic amendment operations, with every character
 * of it traced to where it came from, so the truth about each annotation is known (issue 16's
 * re-anchoring benchmark, bench/reanchor.bench.ts, and test/versions/reanchor-corpus.test.ts):
 * insert «Статья N-1», renumber from a chapter on (a new first article, every later article +1),
 * reword words inside parts, restate a part, delete an article, move a part, split an article.
 * The new text goes through the real import, so its clause ids follow the import's rules.
 */

const ORIGIN_LINE = 1_000_000;

interface Line {
  kind: ClauseKind;
  depth: number;
  text: string;
  /** Per character: oldLine * ORIGIN_LINE + offset, or −1 for a character the amendment wrote. */
  origin: number[];
}

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Operations {
  insertArticles: number;
  renumberChapters: number;
  rewordParts: number;
  restateParts: number;
  deleteArticles: number;
  moveParts: number;
  splitArticles: number;
}

/** Realistic amounts for a code's new reading: a few of each, a twentieth of the parts reworded. */
export function defaultOperations(tree: ClauseTree): Operations {
  let parts = 0;
  let articles = 0;
  for (const [c] of walkClauses(tree.clauses)) {
    if (c.kind === 'part') parts += 1;
    if (c.kind === 'article') articles += 1;
  }
  return {
    insertArticles: Math.max(2, Math.round(articles / 100)),
    renumberChapters: 1,
    rewordParts: Math.max(5, Math.round(parts / 20)),
    restateParts: Math.max(2, Math.round(parts / 100)),
    deleteArticles: Math.max(2, Math.round(articles / 100)),
    moveParts: Math.max(2, Math.round(articles / 100)),
    splitArticles: Math.max(1, Math.round(articles / 200)),
  };
}

export interface AmendedVersion {
  oldTree: ClauseTree;
  newTree: ClauseTree;
  /** Walk-order index of each new clause → its line; −1 where the import read a line otherwise. */
  newLineOfClause: Map<string, number>;
  lines: Line[];
  oldIds: string[];
  oldTexts: string[];
  /** Lines touched by an operation (for figures over annotations the amendment could reach). */
  touchedOld: Set<number>;
  log: string[];
}

const ARTICLE = /^Статья (\d+)((?:-\d+)?)\. /;
const PART = /^(\d+)\. /;

export function amend(oldTree: ClauseTree, seed: number, ops: Operations, pool: readonly string[]): AmendedVersion {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const sentence = () => pick(pool);
  const lines: Line[] = [];
  const oldIds: string[] = [];
  const oldTexts: string[] = [];
  for (const [c, parents] of walkClauses(oldTree.clauses)) {
    const i = lines.length;
    lines.push({ kind: c.kind, depth: parents.length, text: c.text, origin: Array.from({ length: c.text.length }, (_, k) => i * ORIGIN_LINE + k) });
    oldIds.push(c.id);
    oldTexts.push(c.text);
  }
  const touchedOld = new Set<number>();
  const touch = (line: Line) => {
    for (const o of line.origin) if (o >= 0) touchedOld.add(Math.floor(o / ORIGIN_LINE));
  };
  const log: string[] = [];
  const fresh = (text: string): number[] => new Array<number>(text.length).fill(-1);
  const replace = (line: Line, start: number, end: number, text: string) => {
    line.text = line.text.slice(0, start) + text + line.text.slice(end);
    line.origin.splice(start, end - start, ...fresh(text));
  };
  const subtreeEnd = (i: number) => {
    let j = i + 1;
    while (j < lines.length && lines[j]!.depth > lines[i]!.depth) j += 1;
    return j;
  };
  const articleNumbers = () => new Set(lines.filter((l) => l.kind === 'article').map((l) => ARTICLE.exec(l.text)?.slice(1, 3).join('')).filter(Boolean));
  const plainArticles = () => lines.map((l, i) => (l.kind === 'article' && ARTICLE.exec(l.text)?.[2] === '' ? i : -1)).filter((i) => i >= 0);
  const partsOf = (i: number) => {
    const out: number[] = [];
    for (let j = i + 1; j < subtreeEnd(i); j += 1) if (lines[j]!.kind === 'part' && lines[j]!.depth === lines[i]!.depth + 1 && PART.test(lines[j]!.text)) out.push(j);
    return out;
  };
  const newArticle = (number: string, depth: number): Line[] => {
    const head = `Статья ${number}. ${sentence().split(' ').slice(0, 4).join(' ').replace(/[.,;:]$/, '')}`;
    const parts = 1 + Math.floor(random() * 2);
    const out: Line[] = [{ kind: 'article', depth, text: head, origin: fresh(head) }];
    for (let k = 1; k <= parts; k += 1) {
      const text = `${k}. ${sentence()}`;
      out.push({ kind: 'part', depth: depth + 1, text, origin: fresh(text) });
    }
    return out;
  };

  // Renumber from a chapter on: a new article opens the chapter, every later article's number + 1.
  for (let n = 0; n < ops.renumberChapters; n += 1) {
    const chapters = lines.map((l, i) => (l.kind === 'chapter' ? i : -1)).filter((i) => i >= 0);
    if (chapters.length < 2) break;
    const ch = pick(chapters.slice(Math.floor(chapters.length / 3), Math.floor((2 * chapters.length) / 3) + 1));
    const first = lines.findIndex((l, i) => i > ch && l.kind === 'article' && ARTICLE.test(l.text));
    if (first < 0) break;
    const firstNumber = Number(ARTICLE.exec(lines[first]!.text)![1]);
    for (let i = first; i < lines.length; i += 1) {
      const m = lines[i]!.kind === 'article' ? ARTICLE.exec(lines[i]!.text) : null;
      if (!m) continue;
      const digits = `${Number(m[1]) + 1}`;
      replace(lines[i]!, 7, 7 + m[1]!.length, digits);
    }
    lines.splice(first, 0, ...newArticle(String(firstNumber), lines[first]!.depth));
    log.push(`renumber from article ${firstNumber} (chapter line ${ch}): new article ${firstNumber}, later ones +1`);
  }
  for (let n = 0; n < ops.insertArticles; n += 1) {
    const candidates = plainArticles();
    const i = pick(candidates);
    const number = `${ARTICLE.exec(lines[i]!.text)![1]}-1`;
    if (articleNumbers().has(number)) continue;
    lines.splice(subtreeEnd(i), 0, ...newArticle(number, lines[i]!.depth));
    log.push(`insert Статья ${number}`);
  }
  for (let n = 0; n < ops.splitArticles; n += 1) {
    const i = pick(plainArticles().filter((a) => partsOf(a).length >= 4));
    if (i === undefined) break;
    const number = `${ARTICLE.exec(lines[i]!.text)![1]}-2`;
    if (articleNumbers().has(number)) continue;
    const parts = partsOf(i);
    const from = parts[Math.ceil(parts.length / 2)]!;
    const end = subtreeEnd(i);
    const moved = lines.splice(from, end - from);
    let k = 0;
    for (const line of moved) if (line.kind === 'part' && line.depth === lines[i]!.depth + 1 && PART.test(line.text)) replace(line, 0, PART.exec(line.text)![1]!.length, String(++k));
    const head = `Статья ${number}. ${sentence().split(' ').slice(0, 3).join(' ').replace(/[.,;:]$/, '')}`;
    lines.splice(from, 0, { kind: 'article', depth: lines[i]!.depth, text: head, origin: fresh(head) }, ...moved);
    touch(lines[i]!);
    log.push(`split article line ${i} at its part ${Math.ceil(parts.length / 2) + 1} into Статья ${number}`);
  }
  for (let n = 0; n < ops.moveParts; n += 1) {
    const i = pick(plainArticles().filter((a) => partsOf(a).length >= 3));
    if (i === undefined) break;
    const parts = partsOf(i);
    const last = parts[parts.length - 1]!;
    const lastEnd = (() => {
      let j = last + 1;
      while (j < lines.length && lines[j]!.depth > lines[last]!.depth) j += 1;
      return j;
    })();
    const block = lines.splice(last, lastEnd - last);
    lines.splice(parts[0]!, 0, ...block);
    let k = 0;
    for (const j of partsOf(i)) replace(lines[j]!, 0, PART.exec(lines[j]!.text)![1]!.length, String(++k));
    log.push(`move the last part of article line ${i} to the front`);
  }
  for (let n = 0; n < ops.rewordParts; n += 1) {
    const i = pick(lines.map((l, j) => (l.kind === 'part' || l.kind === 'item' ? j : -1)).filter((j) => j >= 0));
    const line = lines[i]!;
    const words = [...line.text.matchAll(/[\p{L}]{4,}/gu)].filter((m) => m.index! > 3);
    if (words.length === 0) continue;
    const count = 1 + Math.floor(random() * 3);
    const chosen = new Set<number>();
    for (let c = 0; c < count; c += 1) chosen.add(Math.floor(random() * words.length));
    for (const w of [...chosen].sort((a, b) => b - a)) {
      const m = words[w]!;
      const replacement = pick(sentence().match(/[\p{L}]{4,}/gu) ?? ['иное']).toLowerCase();
      if (replacement === m[0].toLowerCase()) continue;
      touch(line);
      replace(line, m.index!, m.index! + m[0].length, replacement);
    }
    log.push(`reword ${chosen.size} word(s) in line ${i}`);
  }
  for (let n = 0; n < ops.restateParts; n += 1) {
    const i = pick(lines.map((l, j) => (l.kind === 'part' && PART.test(l.text) ? j : -1)).filter((j) => j >= 0));
    const line = lines[i]!;
    touch(line);
    const marker = PART.exec(line.text)![0].length;
    replace(line, marker, line.text.length, sentence());
    log.push(`restate line ${i}`);
  }
  for (let n = 0; n < ops.deleteArticles; n += 1) {
    const i = pick(plainArticles());
    const end = subtreeEnd(i);
    for (let j = i; j < end; j += 1) touch(lines[j]!);
    lines.splice(i, end - i);
    log.push(`delete article line ${i}`);
  }

  const text = lines.map((l) => l.text).join('\n');
  const newTree = importDraft(new TextEncoder().encode(text), { fileName: 'new-version.txt', maxInflatedBytes: 1e8 }).tree;
  const newLineOfClause = new Map<string, number>();
  let at = 0;
  for (const [c] of walkClauses(newTree.clauses)) {
    let j = at;
    while (j < lines.length && j < at + 5 && lines[j]!.text !== c.text) j += 1;
    if (j < lines.length && lines[j]!.text === c.text) {
      newLineOfClause.set(c.id, j);
      at = j + 1;
    }
  }
  return { oldTree, newTree, newLineOfClause, lines, oldIds, oldTexts, touchedOld, log };
}

export interface PlacedAnnotation extends AnchorSource {
  line: number;
}

/** `count` annotations on random words of the old version (one to eight words, never the number marker). */
export function placeAnnotations(version: AmendedVersion, count: number, seed: number, onlyTouched = false): PlacedAnnotation[] {
  const random = prng(seed);
  const candidates = version.oldTexts.map((t, i) => (t.length >= 20 && (!onlyTouched || version.touchedOld.has(i)) ? i : -1)).filter((i) => i >= 0);
  const out: PlacedAnnotation[] = [];
  while (out.length < count) {
    const line = candidates[Math.floor(random() * candidates.length)]!;
    const text = version.oldTexts[line]!;
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => m.index! > 0 || !/^\d/.test(m[0]));
    const body = words.filter((m) => m.index! >= (/^(Статья \S+|\S+[.)])\s/.exec(text)?.[0].length ?? 0));
    if (body.length === 0) continue;
    const first = Math.floor(random() * body.length);
    const last = Math.min(body.length - 1, first + Math.floor(random() * 8));
    const start = body[first]!.index!;
    const end = body[last]!.index! + body[last]![0].length;
    out.push({ id: `ann-${out.length}`, clauseId: version.oldIds[line]!, quote: quoteAt(text, start, end), start, end, line });
  }
  return out;
}

export type Verdict = 'right' | 'orphaned-correctly' | 'orphaned-needlessly' | 'flagged-changed-needlessly' | 'wrong' | 'lost';

export interface Truth {
  kind: 'verbatim' | 'reworded' | 'partial' | 'gone';
  line: number;
  start: number;
  end: number;
}

/** Where the annotated characters went: all of them in a row (verbatim), most, some, or none. */
export function truthOf(version: AmendedVersion, a: PlacedAnnotation, where: Map<number, [number, number]>): Truth {
  const hits: Array<[number, number]> = [];
  for (let k = a.start!; k < a.end!; k += 1) {
    const to = where.get(a.line * ORIGIN_LINE + k);
    if (to) hits.push(to);
  }
  const length = a.end! - a.start!;
  if (hits.length === 0) return { kind: 'gone', line: -1, start: 0, end: 0 };
  const byLine = new Map<number, number>();
  for (const [l] of hits) byLine.set(l, (byLine.get(l) ?? 0) + 1);
  const line = [...byLine.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  const offsets = hits.filter(([l]) => l === line).map(([, o]) => o);
  const start = Math.min(...offsets);
  const end = Math.max(...offsets) + 1;
  const verbatim = hits.length === length && byLine.size === 1 && end - start === length && version.lines[line]!.origin.slice(start, end).every((o, k) => o === a.line * ORIGIN_LINE + a.start! + k);
  if (verbatim) return { kind: 'verbatim', line, start, end };
  return { kind: offsets.length * 2 >= length ? 'reworded' : 'partial', line, start, end };
}

/** new line → offset of every kept character, keyed by its origin. */
export function whereMap(version: AmendedVersion): Map<number, [number, number]> {
  const where = new Map<number, [number, number]>();
  version.lines.forEach((line, l) => line.origin.forEach((o, k) => o >= 0 && where.set(o, [l, k])));
  return where;
}

export function judge(version: AmendedVersion, truth: Truth, p: Placement | undefined): Verdict {
  if (!p) return 'lost';
  const line = p.clauseId === null ? -1 : (version.newLineOfClause.get(p.clauseId) ?? -2);
  const overlaps = p.state !== 'orphaned' && line === truth.line && p.start < truth.end && truth.start < p.end;
  switch (truth.kind) {
    case 'verbatim':
      if (p.state === 'orphaned') return 'orphaned-needlessly';
      if (p.state === 'placed') return line === truth.line && p.start === truth.start && p.end === truth.end ? 'right' : 'wrong';
      return overlaps ? 'flagged-changed-needlessly' : 'wrong';
    case 'reworded':
      if (p.state === 'orphaned') return 'orphaned-needlessly';
      return overlaps ? 'right' : 'wrong';
    case 'partial':
      if (p.state === 'orphaned') return 'orphaned-correctly';
      return overlaps ? 'right' : 'wrong';
    case 'gone':
      return p.state === 'orphaned' ? 'orphaned-correctly' : 'wrong';
  }
}

/** Sentences of another act, for the words an amendment writes (never found in the amended act by chance). */
export function sentencePool(tree: ClauseTree): string[] {
  const out: string[] = [];
  for (const [c] of walkClauses(tree.clauses)) if (c.kind === 'part' && c.text.length > 60 && c.text.length < 300) out.push(c.text.replace(/^\d+\.\s*/, ''));
  return out;
}

export interface Evaluation {
  file: string;
  seed: number;
  annotations: number;
  verdicts: Record<Verdict, number>;
  /** The same, over annotations on units an operation touched. */
  touched: Record<Verdict, number>;
  truths: Record<Truth['kind'], number>;
  alignment: Record<string, number>;
  /** New clauses the trace could not follow through the import (their annotations are judged wrong if placed there). */
  untraced: number;
  log: string[];
  examples: Array<{ verdict: Verdict; truth: Truth; placement: Placement; quote: string; clauseId: string }>;
}

const emptyVerdicts = (): Record<Verdict, number> => ({ right: 0, 'orphaned-correctly': 0, 'orphaned-needlessly': 0, 'flagged-changed-needlessly': 0, wrong: 0, lost: 0 });

/** Amends `oldTree` with `seed`, places `count` annotations and judges where the carrier puts each. */
export function evaluate(file: string, oldTree: ClauseTree, pool: readonly string[], seed: number, count: number, onlyTouched = false): Evaluation {
  const version = amend(oldTree, seed, defaultOperations(oldTree), pool);
  const annotations = placeAnnotations(version, count, seed * 7 + 1, onlyTouched);
  const alignment = alignTrees(version.oldTree, version.newTree);
  const texts = (tree: ClauseTree) => {
    const m = new Map<string, string>();
    for (const [c] of walkClauses(tree.clauses)) if (!m.has(c.id)) m.set(c.id, c.text);
    return m;
  };
  const carrier = new Carrier(texts(version.oldTree), texts(version.newTree), alignment);
  const where = whereMap(version);
  const verdicts = emptyVerdicts();
  const touched = emptyVerdicts();
  const truths: Record<Truth['kind'], number> = { verbatim: 0, reworded: 0, partial: 0, gone: 0 };
  const examples: Evaluation['examples'] = [];
  for (const a of annotations) {
    const placement = carrier.carry(a);
    const truth = truthOf(version, a, where);
    const verdict = judge(version, truth, placement);
    truths[truth.kind] += 1;
    verdicts[verdict] += 1;
    if (version.touchedOld.has(a.line)) touched[verdict] += 1;
    if (verdict === 'wrong' || (verdict !== 'right' && verdict !== 'orphaned-correctly' && examples.length < 20)) examples.push({ verdict, truth, placement, quote: a.quote.exact, clauseId: a.clauseId });
  }
  const kinds: Record<string, number> = {};
  for (const e of alignment.entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  let clauses = 0;
  for (const _ of walkClauses(version.newTree.clauses)) clauses += 1;
  return { file, seed, annotations: count, verdicts, touched, truths, alignment: kinds, untraced: clauses - version.newLineOfClause.size, log: version.log, examples };
}
