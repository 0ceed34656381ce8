import { walkClauses, type Clause, type ClauseKind, type ClauseTree } from '../clause';

/**
 * Clause-by-clause alignment of two versions of a draft (issue 16): which unit of the new version each
 * unit of the old one became, and how it changed. Text first, numbering only as a tie-breaker:
 * a new edition renumbers (article 12 becomes 13, «Статья 12-1» is inserted), so a unit whose words
 * are unchanged under another number is «renumbered», never deleted and inserted.
 *
 * Passes, each only over units the earlier ones left unmatched:
 *  1. the same words (number marker aside), unique on both sides;
 *  2. similar words (word-set Dice ≥ 0.5), the best candidate clearly ahead of the next;
 *  3. context: a unit under an aligned parent takes the unaligned child with the same words (several:
 *     the one most alike with everything under it) or else of the same kind and number (a restated part);
 *  4. order: a unit left over takes the one unaligned unit of its kind between its aligned neighbours'
 *     counterparts, inside the counterpart of one of its ancestors (parts moved into a split-off article);
 *  5. what is left is deleted (old) or inserted (new); an inserted unit whose children come from one
 *     old unit is that unit's split.
 * A matched pair is «moved» when its parent is not its old parent's counterpart or it left the order.
 */

export const ALIGNMENT_KINDS = ['unchanged', 'reworded', 'renumbered', 'moved', 'split', 'deleted', 'inserted'] as const;
export type AlignmentKind = (typeof ALIGNMENT_KINDS)[number];

export interface AlignmentEntry {
  /** Null for an inserted unit. */
  oldId: string | null;
  /** Null for a deleted unit. */
  newId: string | null;
  kind: AlignmentKind;
  /** Word-set similarity of the two texts without their number markers, 0..1 (1 when the words are equal). */
  similarity: number;
  /** Also moved or renumbered, when the main kind is «reworded». */
  moved: boolean;
  renumbered: boolean;
}

export interface Alignment {
  entries: AlignmentEntry[];
  /** old id → new id of its counterpart (matched units only). */
  forward: Map<string, string>;
}

interface Unit {
  clause: Clause;
  index: number;
  parent: number;
  /** Words without the number marker, whitespace collapsed, lower case. */
  norm: string;
  tokens: Set<string>;
}

const WORD = /[\p{L}\p{N}]{3,}/gu;

/** The unit's words without its own number marker («Статья 12-1.», «2.», «а)»). */
export function bodyOf(clause: Pick<Clause, 'text' | 'number' | 'printedNumber'>): string {
  const text = clause.text;
  const printed = clause.printedNumber ?? clause.number;
  if (printed) {
    const head = text.slice(0, 40 + printed.length);
    let at = head.indexOf(printed);
    while (at !== -1) {
      const before = at === 0 ? '' : head[at - 1]!;
      const after = head[at + printed.length] ?? '';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{N}]/u.test(after)) {
        const rest = text.slice(at + printed.length).replace(/^(?:-?(?:берене|бөлүк|глава|бөлүм))?\s*[.)]?\s*/u, '');
        return rest;
      }
      at = head.indexOf(printed, at + 1);
    }
  }
  return text;
}

function unitsOf(tree: ClauseTree): Unit[] {
  const units: Unit[] = [];
  const indexOf = new Map<Clause, number>();
  for (const [clause, parents] of walkClauses(tree.clauses)) {
    const parent = parents.length > 0 ? indexOf.get(parents[parents.length - 1]!)! : -1;
    const norm = bodyOf(clause).replace(/\s+/g, ' ').trim().toLowerCase();
    const unit: Unit = { clause, index: units.length, parent, norm, tokens: new Set(norm.match(WORD) ?? []) };
    indexOf.set(clause, units.length);
    units.push(unit);
  }
  return units;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common += 1;
  return (2 * common) / (a.size + b.size);
}

function similarity(a: Unit, b: Unit): number {
  return a.norm === b.norm ? 1 : dice(a.tokens, b.tokens);
}

const kindKey = (kind: ClauseKind, norm: string) => `${kind}\u0000${norm}`;

export function alignTrees(oldTree: ClauseTree, newTree: ClauseTree): Alignment {
  const olds = unitsOf(oldTree);
  const news = unitsOf(newTree);
  const toNew = new Int32Array(olds.length).fill(-1);
  const toOld = new Int32Array(news.length).fill(-1);
  const link = (o: number, n: number) => {
    toNew[o] = n;
    toOld[n] = o;
  };

  // 1. The same words, unique on both sides.
  const groups = new Map<string, { o: number[]; n: number[] }>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { o: [], n: [] }).get(key)!;
  for (const u of olds) if (u.norm.length > 0) group(kindKey(u.clause.kind, u.norm)).o.push(u.index);
  for (const u of news) if (u.norm.length > 0) group(kindKey(u.clause.kind, u.norm)).n.push(u.index);
  for (const { o, n } of groups.values()) if (o.length === 1 && n.length === 1) link(o[0]!, n[0]!);

  // Children of each unit, both sides: repeated words («То же деяние, совершенное:») differ by what is under them.
  const oldKids = childrenLists(olds);
  const newKids = childrenLists(news);
  const oldSub = new Map<number, Set<string>>();
  const newSub = new Map<number, Set<string>>();
  const subtree = (units: Unit[], kids: Map<number, number[]>, cache: Map<number, Set<string>>, i: number): Set<string> => {
    let set = cache.get(i);
    if (!set) {
      set = new Set(units[i]!.tokens);
      for (const k of kids.get(i) ?? []) for (const t of subtree(units, kids, cache, k)) set.add(t);
      cache.set(i, set);
    }
    return set;
  };
  const subtreeSimilarity = (o: number, n: number) => dice(subtree(olds, oldKids, oldSub, o), subtree(news, newKids, newSub, n));
  /** The candidate clearly most like `o` with everything under it, or undefined. */
  const bySubtree = (o: number, candidates: readonly number[]): number | undefined => {
    if (candidates.length === 1) return candidates[0];
    let best = -1;
    let bestS = -1;
    let second = -1;
    for (const n of candidates) {
      const s = subtreeSimilarity(o, n);
      if (s > bestS) {
        second = bestS;
        best = n;
        bestS = s;
      } else if (s > second) second = s;
    }
    return bestS >= 0.6 && bestS - second >= 0.1 ? best : undefined;
  };

  // 2. Similar words: an inverted index over the unmatched new units' rarer words.
  // Words repeated on the old side (two parts alike) are told apart by context in pass 3, not here.
  const repeated = (u: Unit) => (groups.get(kindKey(u.clause.kind, u.norm))?.o.length ?? 0) > 1;
  const index = new Map<string, number[]>();
  for (const u of news) if (toOld[u.index] === -1 && !repeated(u)) for (const t of u.tokens) (index.get(t) ?? index.set(t, []).get(t)!).push(u.index);
  const pairs: Array<{ o: number; n: number; s: number }> = [];
  for (const u of olds) {
    if (toNew[u.index] !== -1 || u.tokens.size < 2 || repeated(u)) continue;
    const overlap = new Map<number, number>();
    for (const t of u.tokens) {
      const list = index.get(t);
      if (!list || list.length > 300) continue;
      for (const n of list) if (news[n]!.clause.kind === u.clause.kind) overlap.set(n, (overlap.get(n) ?? 0) + 1);
    }
    let best: { n: number; s: number } | null = null;
    let second = 0;
    for (const n of overlap.keys()) {
      const s = dice(u.tokens, news[n]!.tokens);
      if (!best || s > best.s) {
        second = best?.s ?? 0;
        best = { n, s };
      } else if (s > second) second = s;
    }
    if (best && best.s >= 0.5 && best.s - second >= 0.1) pairs.push({ o: u.index, n: best.n, s: best.s });
  }
  pairs.sort((a, b) => b.s - a.s);
  // Into another parent than its own parent's counterpart (a deleted article's part looking like a
  // part elsewhere) only when nearly the same words: a code repeats its formulas. Where neither parent
  // is aligned yet, the first aligned ancestor up either side decides: an item of a deleted article
  // («лицом с использованием своего служебного положения») is not an item of another article whose
  // part is not aligned yet.
  const sameHome = (o: number, n: number) => {
    let parent = olds[o]!.parent;
    let newParent = news[n]!.parent;
    for (;;) {
      if (parent === -1 || newParent === -1) return parent === -1 && newParent === -1;
      if (toNew[parent] !== -1 || toOld[newParent] !== -1) return toNew[parent] === newParent;
      parent = olds[parent]!.parent;
      newParent = news[newParent]!.parent;
    }
  };
  for (const p of pairs) if (toNew[p.o] === -1 && toOld[p.n] === -1 && (p.s >= 0.85 || sameHome(p.o, p.n))) link(p.o, p.n);

  // 3. Context: under aligned parents, the same words (several: the one most alike with its children),
  // else the same kind and number.
  const childrenOf = newKids;
  const contextPass = () => {
    for (const u of olds) {
      if (toNew[u.index] !== -1) continue;
      const parentNew = u.parent === -1 ? -1 : toNew[u.parent]!;
      if (u.parent !== -1 && parentNew === -1) continue;
      const siblings = (childrenOf.get(parentNew) ?? []).filter((n) => toOld[n] === -1 && news[n]!.clause.kind === u.clause.kind);
      const same = siblings.filter((n) => news[n]!.norm === u.norm);
      const sameWords = same.length > 0 ? (bySubtree(u.index, same) ?? (same.length === 1 ? same[0] : undefined)) : undefined;
      if (same.length > 1 && sameWords === undefined) continue;
      // Two old siblings with the same words («3. Скотокрадство, совершенное:», «4. …») and one left in
      // the new version (the other restated): it goes to the one most alike with what is under it,
      // not to the first met.
      if (sameWords !== undefined && u.parent !== -1) {
        const mine = subtreeSimilarity(u.index, sameWords);
        const rival = (oldKids.get(u.parent) ?? []).some(
          (o) => o !== u.index && toNew[o] === -1 && olds[o]!.norm === u.norm && olds[o]!.clause.kind === u.clause.kind && subtreeSimilarity(o, sameWords) > mine,
        );
        if (rival) continue;
      }
      // By number only under a parent aligned by its words: two unrelated acts both have an «Статья 1».
      const sameNumber = u.clause.number === null || u.parent === -1 ? undefined : siblings.find((n) => news[n]!.clause.number === u.clause.number);
      const found = sameWords ?? sameNumber;
      if (found !== undefined) link(u.index, found);
    }
  };
  // 4. Order: a unit left over takes the one unaligned unit of its kind between the counterparts of
  // its aligned neighbours (parts moved into a split-off article, repeated words).
  const windowPass = () => {
    let prevNew = -1;
    for (let o = 0; o < olds.length; o += 1) {
      if (toNew[o] !== -1) {
        prevNew = toNew[o]!;
        continue;
      }
      let nextNew = news.length;
      for (let k = o + 1; k < olds.length; k += 1)
        if (toNew[k] !== -1) {
          nextNew = toNew[k]!;
          break;
        }
      if (nextNew <= prevNew) continue;
      if (nextNew - prevNew > 200) continue;
      const u = olds[o]!;
      // Within the counterpart of one of its ancestors (a chapter, an article): never across the act.
      const home = new Set<number>();
      for (let a = u.parent; a !== -1; a = olds[a]!.parent) if (toNew[a] !== -1) home.add(toNew[a]!);
      const inHome = (n: number) => {
        for (let a = news[n]!.parent; a !== -1; a = news[a]!.parent) if (home.has(a)) return true;
        return false;
      };
      const candidates: number[] = [];
      for (let n = prevNew + 1; n < nextNew && candidates.length <= 50; n += 1)
        if (toOld[n] === -1 && news[n]!.clause.kind === u.clause.kind && inHome(n)) candidates.push(n);
      const same = candidates.filter((n) => news[n]!.norm === u.norm);
      const found = same.length === 1 ? same[0] : candidates.length === 1 && similarity(u, news[candidates[0]!]!) >= 0.3 ? candidates[0] : undefined;
      if (found !== undefined) {
        link(o, found);
        prevNew = found;
      }
    }
  };
  // 5. The same words inside the counterpart of the nearest aligned ancestor, once there (a unit under
  // a restated or moved part); then a unit whose aligned children all went under one unaligned unit
  // of its kind is that unit (a restated part, a part moved into a split-off article).
  const homePass = () => {
    for (const u of olds) {
      if (toNew[u.index] !== -1) continue;
      let a = u.parent;
      while (a !== -1 && toNew[a] === -1) a = olds[a]!.parent;
      if (a === -1) continue;
      const found: number[] = [];
      const stack = [...(newKids.get(toNew[a]!) ?? [])];
      let seen = 0;
      while (stack.length > 0 && seen < 400) {
        const n = stack.pop()!;
        seen += 1;
        if (toOld[n] === -1 && news[n]!.clause.kind === u.clause.kind && news[n]!.norm === u.norm) found.push(n);
        stack.push(...(newKids.get(n) ?? []));
      }
      if (found.length === 1) link(u.index, found[0]!);
    }
  };
  const parentPass = () => {
    for (const u of olds) {
      if (toNew[u.index] !== -1) continue;
      const kids = (oldKids.get(u.index) ?? []).filter((k) => toNew[k] !== -1);
      if (kids.length === 0) continue;
      const parents = new Set(kids.map((k) => news[toNew[k]!]!.parent));
      const v = parents.size === 1 ? [...parents][0]! : -1;
      if (v !== -1 && toOld[v] === -1 && news[v]!.clause.kind === u.clause.kind) link(u.index, v);
    }
  };
  contextPass();
  windowPass();
  homePass();
  parentPass();
  contextPass();

  // Moved: out of the longest run of pairs that keeps its order, or under another parent.
  const matchedOld = olds.filter((u) => toNew[u.index] !== -1).map((u) => u.index);
  const inOrder = longestIncreasing(matchedOld.map((o) => toNew[o]!));
  const kept = new Set(inOrder.map((k) => matchedOld[k]!));

  const entries: AlignmentEntry[] = [];
  const forward = new Map<string, string>();
  for (const u of olds) {
    const n = toNew[u.index]!;
    if (n === -1) {
      entries.push({ oldId: u.clause.id, newId: null, kind: 'deleted', similarity: 0, moved: false, renumbered: false });
      continue;
    }
    const v = news[n]!;
    const s = similarity(u, v);
    const parentMoved = u.parent === -1 ? v.parent !== -1 : toNew[u.parent] !== v.parent;
    const moved = parentMoved || !kept.has(u.index);
    const renumbered = u.clause.id !== v.clause.id || u.clause.number !== v.clause.number;
    const kind: AlignmentKind = u.norm !== v.norm ? 'reworded' : moved ? 'moved' : renumbered ? 'renumbered' : 'unchanged';
    entries.push({ oldId: u.clause.id, newId: v.clause.id, kind, similarity: round(s), moved, renumbered });
    forward.set(u.clause.id, v.clause.id);
  }
  for (const v of news) {
    if (toOld[v.index] !== -1) continue;
    // A split: an inserted unit whose aligned children all came from one old unit that is still there.
    const fromChildren = (childrenOf.get(v.index) ?? []).map((c) => toOld[c]!).filter((o) => o !== -1);
    const parents = new Set(fromChildren.map((o) => olds[o]!.parent));
    const source = fromChildren.length > 0 && parents.size === 1 ? [...parents][0]! : -1;
    if (source !== -1 && toNew[source] !== -1)
      entries.push({ oldId: olds[source]!.clause.id, newId: v.clause.id, kind: 'split', similarity: 0, moved: false, renumbered: false });
    else entries.push({ oldId: null, newId: v.clause.id, kind: 'inserted', similarity: 0, moved: false, renumbered: false });
  }
  return { entries, forward };
}

function childrenLists(units: readonly Unit[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const u of units) (out.get(u.parent) ?? out.set(u.parent, []).get(u.parent)!).push(u.index);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(seq: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i += 1) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.push(k);
  return out.reverse();
}
