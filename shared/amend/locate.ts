import type { AmendmentTarget, Clause, ClauseKind } from '../clause';
import { paragraphNumber } from './ordinals';
import { normNumber, sameNumber } from './units';

/**
 * The working copy of one base act while instructions are applied: clauses by id, their parents, articles by
 * number, and the units already taken out (kept in place so that later instructions still count paragraphs
 * as the act printed them, and so that the consolidated view can show them struck).
 */
export class ActWorkspace {
  readonly roots: Clause[];
  readonly parent = new Map<Clause, Clause | null>();
  readonly removed = new Set<Clause>();
  private readonly articles = new Map<string, Clause>();

  constructor(roots: Clause[]) {
    this.roots = roots;
    this.index(roots, null);
  }

  index(clauses: readonly Clause[], parent: Clause | null): void {
    for (const c of clauses) {
      this.parent.set(c, parent);
      if (c.kind === 'article' && c.number !== null) {
        const key = normNumber(c.number);
        if (!this.articles.has(key)) this.articles.set(key, c);
      }
      this.index(c.children, c);
    }
  }

  article(number: string): Clause | undefined {
    return this.articles.get(normNumber(number));
  }

  /** The list a clause stands in. */
  siblings(clause: Clause): Clause[] {
    const p = this.parent.get(clause);
    return p ? p.children : this.roots;
  }

  /** Every article, in order, for inserting a new one after its predecessor. */
  allArticles(): Clause[] {
    return [...this.articles.values()];
  }

  live(clause: Clause): boolean {
    for (let c: Clause | null | undefined = clause; c; c = this.parent.get(c)) if (this.removed.has(c)) return false;
    return true;
  }
}

export type Located = { ok: true; unit: Clause | null } | { ok: false; missing: string };

// A «пункт» of a Kyrgyz code is often what the import calls a part («1.»), and a «подпункт» an item («1)»).
const FALLBACK: Readonly<Partial<Record<ClauseKind, ClauseKind>>> = { item: 'part', subitem: 'item' };
const LEVEL_KINDS: ReadonlyArray<readonly ['part' | 'item' | 'subitem', ClauseKind]> = [
  ['part', 'part'],
  ['item', 'item'],
  ['subitem', 'subitem'],
];

/** The unit a target names; `unit: null` when it names the act as a whole. */
export function locate(ws: ActWorkspace, target: AmendmentTarget): Located {
  let cur: Clause | null = null;
  const path: string[] = [];
  if (target.article !== undefined) {
    path.push(`статья ${target.article}`);
    const art = ws.article(target.article);
    if (!art || !ws.live(art)) return { ok: false, missing: path.join(', ') };
    cur = art;
  }
  for (const [level, kind] of LEVEL_KINDS) {
    const number = target[level];
    if (number === undefined) continue;
    path.push(`${level === 'part' ? 'часть' : level === 'item' ? 'пункт' : 'подпункт'} ${number}`);
    const children: Clause[] = cur ? cur.children : ws.roots;
    let found = findChild(ws, children, kind, number);
    const fallback = FALLBACK[kind];
    if (!found && fallback) found = findChild(ws, children, fallback, number);
    if (!found) return { ok: false, missing: path.join(', ') };
    cur = found;
  }
  if (target.paragraph !== undefined) {
    path.push(target.paragraph);
    const n = paragraphNumber(target.paragraph);
    if (n === null || !cur) return { ok: false, missing: path.join(', ') };
    const paragraphs = paragraphsOf(cur);
    const found = paragraphs[n - 1];
    if (!found || !ws.live(found)) return { ok: false, missing: path.join(', ') };
    cur = found;
  }
  return { ok: true, unit: cur };
}

function findChild(ws: ActWorkspace, children: readonly Clause[], kind: ClauseKind, number: string): Clause | undefined {
  return children.find((c) => c.kind === kind && sameNumber(c.number, number) && ws.live(c));
}

/**
 * The paragraphs (абзацы) of a unit as a drafter counts them: an article's are its unnumbered lines; a part's or
 * an item's start with its own first line. Removed ones still count: numbering is the act's as printed.
 */
export function paragraphsOf(unit: Clause): Clause[] {
  const lines = unit.children.filter((c) => c.kind === 'indent');
  return unit.kind === 'article' || unit.kind === 'chapter' || unit.kind === 'section' ? lines : [unit, ...lines];
}
