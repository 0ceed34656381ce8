import type { Clause } from '../../../shared/clause';
import type { ClauseId } from '../../../shared/ids';
import type { NodeInfo } from './tree-builder';
import { numberKey, numberToIdSegment } from './numbering';

/**
 * Clause ids from the numbering path (docs/import.md, "Clause ids"): «a15.p2.i4.b» is article 15, part 2, item 4,
 * sub-item б. Headings and articles are named on their own («ch3», «s2», «a15») because codes number
 * them through the whole act; articles get their heading's id as prefix only where their numbers
 * restart («s2.a1»). Unnumbered units count within their parent («a15.p2.x3»: third абзац or dash
 * entry; «n1» notes; «t1» unrecognised lines); fixed names: «hdr», «pre», «sig». The quoted new text
 * of an instruction lives under «<instruction>.q». A repeated id gets «~2», «~3». Ids use only
 * [a-z0-9.~_-], safe in HTML attributes and CSS selectors. Nothing depends on the text of a unit, so
 * editing article 7 never moves the ids of article 8.
 */

type Info = ReadonlyMap<Clause, NodeInfo>;

const HEADING_LEVELS = ['subchapter', 'chapter', 'subsection', 'section', 'division'] as const;
type HeadingLevel = (typeof HEADING_LEVELS)[number];

export function assignIds(roots: readonly Clause[], info: Info): void {
  new IdAssigner(info, articlePrefixLevel(roots, info)).visit(roots, null, '', [], false);
}

/** A class rather than closures: this runs for every clause of a 400-page code. */
class IdAssigner {
  private readonly used = new Set<string>();

  constructor(
    private readonly info: Info,
    private readonly prefixLevel: HeadingLevel | null,
  ) {}

  visit(clauses: readonly Clause[], parentId: string | null, base: string, ancestors: Clause[], inQuote: boolean): void {
    // Ordinals of unnumbered units within this parent, by prefix: x (абзацы, dash entries), n, t, d …
    let x = 0;
    let n = 0;
    let t = 0;
    let d = 0;
    let other = 0;
    for (const clause of clauses) {
      const unit = this.info.get(clause)!.unit;
      // Letters of sub-items («с)», «х)», «м)») are letters, not Roman numerals: read as numerals they made ids
      // such as «a1.i2.1000». Every other unit's number may be a Roman numeral or a word («Глава IV»).
      const seg = clause.number === null ? '' : numberToIdSegment(clause.number, unit !== 'subitem');
      let id: string;
      switch (unit) {
        case 'header':
          id = join(base, 'hdr');
          break;
        case 'preamble':
          id = join(base, 'pre');
          break;
        case 'signature':
          id = join(base, 'sig');
          break;
        case 'division':
          id = join(base, 'd' + (seg || ++d));
          break;
        case 'annex':
          id = join(base, 'app' + (seg || ++other));
          break;
        case 'section':
          id = join(base, 's' + (seg || ++other));
          break;
        case 'chapter':
          id = join(base, 'ch' + (seg || ++other));
          break;
        case 'subsection':
        case 'subchapter':
        case 'subheading': {
          // a numbered subheading («1. Общие положения») lives in its paragraph, or in its chapter
          const owner =
            unit === 'subsection'
              ? nearest(ancestors, this.info, 'section')
              : ((unit === 'subheading' ? nearest(ancestors, this.info, 'subchapter') : undefined) ?? nearest(ancestors, this.info, 'chapter'));
          const segment = (unit === 'subsection' ? 'ss' : 'sc') + (seg || ++other);
          id = owner ? `${owner.id}.${segment}` : join(base, segment);
          break;
        }
        case 'article': {
          const segment = 'a' + (seg || ++other);
          const owner = this.prefixLevel !== null && !inQuote ? nearest(ancestors, this.info, this.prefixLevel) : undefined;
          id = owner ? `${owner.id}.${segment}` : join(base, segment);
          break;
        }
        case 'part':
          id = join(parentId ?? base, seg ? 'p' + seg : 'x' + ++x);
          break;
        case 'item':
          id = join(parentId ?? base, seg ? 'i' + seg : 'x' + ++x);
          break;
        case 'subitem':
          id = join(parentId ?? base, seg || 'x' + ++x);
          break;
        case 'roman':
          id = join(parentId ?? base, seg || 'x' + ++x);
          break;
        case 'note':
          id = join(parentId ?? base, 'n' + ++n);
          break;
        case 'text':
          id = join(parentId ?? base, 't' + ++t);
          break;
        default:
          // абзацы, dash entries, remarks, lines of the header and signature blocks
          id = join(parentId ?? base, 'x' + ++x);
      }
      clause.id = this.unique(id) as ClauseId;
      if (clause.children.length > 0) this.visitChildren(clause, base, ancestors, inQuote);
    }
  }

  private visitChildren(clause: Clause, base: string, ancestors: Clause[], inQuote: boolean): void {
    ancestors.push(clause);
    if (clause.quoted || !hasQuotedChild(clause)) this.visit(clause.children, clause.id, base, ancestors, inQuote);
    else {
      const own = clause.children.filter(isOwn);
      if (own.length > 0) this.visit(own, clause.id, base, ancestors, inQuote);
      const q = `${clause.id}.q`;
      this.visit(clause.children.filter(isQuoted), q, q, [], true);
    }
    ancestors.pop();
  }

  /** Next free «~n» per id, so a thousand repeats of «Статья 1» cost a thousand steps, not a million. */
  private readonly nextSuffix = new Map<string, number>();

  private unique(id: string): string {
    let candidate = id;
    if (this.used.has(candidate)) {
      let k = this.nextSuffix.get(id) ?? 2;
      while (this.used.has(`${id}~${k}`)) k++;
      this.nextSuffix.set(id, k + 1);
      candidate = `${id}~${k}`;
    }
    this.used.add(candidate);
    return candidate;
  }
}

function join(prefix: string, segment: string): string {
  return prefix === '' ? segment : `${prefix}.${segment}`;
}

function hasQuotedChild(clause: Clause): boolean {
  for (const c of clause.children) if (c.quoted) return true;
  return false;
}

function isOwn(c: Clause): boolean {
  return c.quoted !== true;
}

function isQuoted(c: Clause): boolean {
  return c.quoted === true;
}

function nearest(ancestors: readonly Clause[], info: Info, unit: string): Clause | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) if (info.get(ancestors[i]!)!.unit === unit) return ancestors[i];
  return undefined;
}

/**
 * Where article numbers fall back (a law whose sections each start at «Статья 1»), the coarsest
 * heading level at which every restart happens is the prefix; a code numbered through gets none.
 */
function articlePrefixLevel(roots: readonly Clause[], info: Info): HeadingLevel | null {
  const articles: Array<{ main: number; inserted: boolean; ancestors: readonly Clause[] }> = [];
  const walk = (clauses: readonly Clause[], ancestors: readonly Clause[]): void => {
    for (const c of clauses) {
      if (c.quoted) continue;
      const unit = info.get(c)!.unit;
      if (unit === 'article') {
        const key = c.number === null ? null : numberKey(c.number);
        if (key !== null) articles.push({ main: key.main, inserted: key.sub.length > 0, ancestors });
        continue;
      }
      if (c.children.length > 0 && unit !== 'header' && unit !== 'signature') walk(c.children, [...ancestors, c]);
    }
  };
  walk(roots, []);
  // Numbering starts again where an article's number falls below the one before; an insertion printed
  // away from its base (233¹ after 244) is no restart.
  const restarts: number[] = [];
  for (let i = 1; i < articles.length; i++) if (!articles[i]!.inserted && articles[i]!.main < articles[i - 1]!.main) restarts.push(i);
  if (restarts.length === 0) return null;
  for (const level of [...HEADING_LEVELS].reverse()) {
    const owner = (a: { ancestors: readonly Clause[] }): Clause | undefined => nearest(a.ancestors, info, level);
    if (!articles.every((a) => owner(a) !== undefined)) continue;
    if (restarts.every((i) => owner(articles[i]!) !== owner(articles[i - 1]!))) return level;
  }
  return null;
}
