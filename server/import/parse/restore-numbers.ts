import type { Clause } from '../../../shared/clause';
import type { I18nText, Lang } from '../../../shared/i18n/lang';
import { labelPiece, type LabelUnit } from './labels';
import { numberKey, withSuperscript } from './numbering';
import type { NodeInfo, PendingRepair } from './tree-builder';

/**
 * Consolidated databases print an inserted unit's superscript inline: 16¹ as «Статья 161», 233¹⁹ as
 * «Статья 23319», 17¹ as «Глава 171». The printed number alone cannot tell 16¹ from a real article 161;
 * the numbering around it can. Every unit of a level (articles, chapters, sections through the act) gets
 * either its printed number or a reading «base + superscript», and the reading of the whole sequence that
 * runs most like a law's numbering wins (a Viterbi pass, a few states per unit): 16, 16¹, 17 costs nothing,
 * 16, 161, 17 costs a jump and a fall. A number is read as flattened only when a unit soon after it has a
 * smaller number — at the end of the act nothing says it was — and an insertion away from its base
 * (233¹ … after 244) must start at ¹ and have its base earlier in the act. The number restored goes into
 * `number` («16¹», so the id is a16-1 and the label «Статья 16¹»), the printed one into `printedNumber`,
 * and each restoration is reported.
 */

const LEVELS: readonly LabelUnit[] = ['article', 'chapter', 'section', 'subsection'];
/** How far ahead a smaller number still shows that a big one was out of place. */
const LOOKAHEAD = 60;
const SPLIT_PENALTY = 0.5;
const ONLY_DIGITS = /^\d{2,6}$/;

interface Reading {
  main: number;
  /** The insertion (superscript) number; 0 for none. */
  sub: number;
  /** Read as «base + flattened superscript». */
  split: boolean;
  base: string;
}

interface Unit {
  clause: Clause;
  readings: Reading[];
}

export function restoreFlattenedNumbers(roots: readonly Clause[], info: ReadonlyMap<Clause, NodeInfo>): PendingRepair[] {
  const byLevel = new Map<LabelUnit, Clause[]>(LEVELS.map((level) => [level, []]));
  collect(roots, info, byLevel);
  const repairs: PendingRepair[] = [];
  for (const [level, clauses] of byLevel) if (clauses.length >= 3) repairs.push(...restoreSequence(clauses, info, level));
  return repairs;
}

/** The units of each level in document order, quoted new text left out; one walk for all levels. */
function collect(clauses: readonly Clause[], info: ReadonlyMap<Clause, NodeInfo>, byLevel: Map<LabelUnit, Clause[]>): void {
  for (const c of clauses) {
    if (c.quoted) continue;
    const unit = info.get(c)!.unit;
    if (c.number !== null) byLevel.get(unit)?.push(c);
    // articles hold no headings: their parts need no visit
    if (c.children.length > 0 && unit !== 'article') collect(c.children, info, byLevel);
  }
}

function restoreSequence(clauses: readonly Clause[], info: ReadonlyMap<Clause, NodeInfo>, level: LabelUnit): PendingRepair[] {
  const units: Unit[] = [];
  const printedMains: number[] = [];
  for (const clause of clauses) {
    const node = info.get(clause)!;
    const printed = node.range ? clause.number!.split(/[-–—]/).pop()!.trim() : clause.number!;
    const key = numberKey(printed);
    if (key === null) continue;
    units.push({ clause, readings: [{ main: key.main, sub: key.sub[0] ?? 0, split: false, base: '' }] });
    printedMains.push(key.main);
  }
  const firstSeen = new Map<number, number>();
  printedMains.forEach((main, i) => {
    if (!firstSeen.has(main)) firstSeen.set(main, i);
  });
  let any = false;
  units.forEach((unit, i) => {
    const printed = unit.clause.number!;
    if (!ONLY_DIGITS.test(printed) || info.get(unit.clause)!.range) return;
    const value = Number(printed);
    let fallsAfter = false;
    for (let j = i + 1; j < units.length && j <= i + LOOKAHEAD; j++) {
      if (printedMains[j]! < value) {
        fallsAfter = true;
        break;
      }
    }
    if (!fallsAfter) return;
    for (const digits of [1, 2]) {
      const base = printed.slice(0, printed.length - digits);
      const insertion = printed.slice(printed.length - digits);
      if (base.length === 0 || insertion.startsWith('0')) continue;
      unit.readings.push({ main: Number(base), sub: Number(insertion), split: true, base });
      any = true;
    }
  });
  if (!any) return [];

  // A unit read only one way is on every reading of the sequence, so the sequence splits there: the
  // Viterbi pass runs over each stretch of units read in more than one way, between two read in one.
  const chosen = new Array<number>(units.length).fill(0);
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.readings.length === 1) continue;
    let j = i;
    while (j + 1 < units.length && units[j + 1]!.readings.length > 1) j++;
    viterbi(units, Math.max(0, i - 1), Math.min(units.length - 1, j + 1), firstSeen, chosen);
    i = j;
  }

  const repairs: PendingRepair[] = [];
  units.forEach((unit, i) => {
    const reading = unit.readings[chosen[i]!]!;
    if (!reading.split) return;
    const clause = unit.clause;
    const printed = clause.number!;
    const restored = withSuperscript(reading.base, reading.sub);
    clause.printedNumber = printed;
    clause.number = restored;
    repairs.push({ code: 'number_restored', clause, line: clause.line, message: () => restoredMessage(level, printed, restored) });
  });
  return repairs;
}

/** The cheapest readings of units[from..to] (both ends included), written into `chosen`. */
function viterbi(units: readonly Unit[], from: number, to: number, firstSeen: ReadonlyMap<number, number>, chosen: number[]): void {
  let cost: number[] = units[from]!.readings.map((r) => (from === 0 && r.split ? SPLIT_PENALTY + 1 : 0));
  const back: number[][] = [];
  for (let i = from + 1; i <= to; i++) {
    const previous = units[i - 1]!.readings;
    const next: number[] = [];
    const from_: number[] = [];
    for (const b of units[i]!.readings) {
      let best = Infinity;
      let q = 0;
      for (let k = 0; k < previous.length; k++) {
        const c = cost[k]! + transition(previous[k]!, b, firstSeen, i);
        if (c < best) {
          best = c;
          q = k;
        }
      }
      next.push(best);
      from_.push(q);
    }
    back.push(from_);
    cost = next;
  }
  let r = 0;
  for (let k = 1; k < cost.length; k++) if (cost[k]! < cost[r]!) r = k;
  for (let i = to; i >= from; i--) {
    chosen[i] = r;
    if (i > from) r = back[i - from - 1]![r]!;
  }
}

/** The cost of reading `b` right after `a`: nothing for the next number or the next insertion, more for jumps and falls. */
function transition(a: Reading, b: Reading, firstSeen: ReadonlyMap<number, number>, at: number): number {
  let cost = 0;
  if (b.split && !(a.split && a.base === b.base)) {
    // an insertion away from the unit before must start at ¹ and have its base earlier in the act
    if (b.main !== a.main && (b.sub !== 1 || !((firstSeen.get(b.main) ?? Infinity) < at))) return Infinity;
    cost += SPLIT_PENALTY;
  }
  if (b.main === a.main + 1 && b.sub === 0) return cost;
  if (b.main === a.main && b.sub > a.sub) return cost + 0.5 * Math.min(6, b.sub - a.sub - 1);
  if (b.main === a.main + 1) return cost + 1 + 0.5 * Math.min(6, b.sub - 1);
  if (b.main > a.main + 1) return cost + 0.5 + Math.min(3, Math.log10(b.main - a.main)) + (b.sub > 0 ? 0.5 : 0);
  if (b.main === a.main && b.sub === a.sub) return cost + 2;
  // a fall: numbering that starts again at 1 (a new section's articles), or a unit out of its place
  return cost + (b.main === 1 && b.sub === 0 ? 1 : 2);
}

function restoredMessage(level: LabelUnit, printed: string, restored: string): I18nText {
  const name = (lang: Lang, n: string): string => labelPiece(lang, level, n);
  const read = level === 'article' || level === 'chapter' ? 'прочитана' : 'прочитан';
  return {
    ru: `«${name('ru', printed)}» ${read} как «${name('ru', restored)}»: надстрочный номер, напечатанный в строку`,
    ky: `«${name('ky', printed)}» «${name('ky', restored)}» катары окулду: жогорку индекстеги номер сап менен басылган`,
    en: `«${name('en', printed)}» read as «${name('en', restored)}»: a superscript number printed inline`,
  };
}
