import { GROUPING_KINDS, type Clause } from '../../../shared/clause';
import type { ImportWarning } from '../../../shared/import-report';
import type { I18nText, Lang } from '../../../shared/i18n/lang';
import type { LabelUnit } from './labels';
import { flattenSuperscripts, looksLikeFlattenedInsertion, numberKey } from './numbering';
import type { NodeInfo } from './tree-builder';

/**
 * Numbering gaps («Статья 5» after «Статья 3») and duplicates, per level: articles, chapters, sections
 * through the act (or within the heading where articles restart), parts, items and sub-items within
 * their parent. Inserted units («12-1», «21¹», and «2191» where a source flattened «219¹») are not gaps;
 * a repealed unit keeps its number, so it fills its place. Quoted new text of amendments is not checked:
 * it quotes fragments of another act.
 */

const SEQUENCED: ReadonlySet<LabelUnit> = new Set(['section', 'subsection', 'chapter', 'subchapter', 'subheading', 'article', 'part', 'item', 'subitem']);
const THROUGH_ACT: ReadonlySet<LabelUnit> = new Set(['section', 'chapter', 'article']);
const HEADINGS: ReadonlySet<LabelUnit> = new Set<LabelUnit>([...GROUPING_KINDS, 'subheading']);

interface Sequence {
  lastNumber: string;
  /** The main number the next unit should follow (insertions keep it). */
  base: number;
  seen: Set<string>;
  /**
   * «2191» after «219»: an inserted «219¹» whose superscript a source flattened, or a real gap?
   * The next number decides: «220» means it was an insertion.
   */
  pending?: { clause: Clause; unit: LabelUnit; number: string; previous: string; main: number };
  /** A repealed heading («РАЗДЕЛ VI … (Утратил силу …)») took the units it held: the next jump is no gap. */
  excused?: boolean;
}

export function checkNumbering(roots: readonly Clause[], info: ReadonlyMap<Clause, NodeInfo>): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const global = new Map<string, Sequence>();

  const visit = (clauses: readonly Clause[]): void => {
    let local: Map<string, Sequence> | null = null;
    for (const c of clauses) {
      if (c.quoted) continue;
      const node = info.get(c)!;
      if (SEQUENCED.has(node.unit) && c.number !== null) {
        const through = THROUGH_ACT.has(node.unit);
        const key = through ? `${node.unit}@${node.unit === 'article' ? articleScope(c) : ''}` : node.unit;
        const sequences = through ? global : (local ??= new Map());
        let seq = sequences.get(key);
        if (seq === undefined) {
          seq = { lastNumber: '', base: 0, seen: new Set() };
          sequences.set(key, seq);
        }
        check(seq, c, node, warnings);
      }
      if (c.repealed && HEADINGS.has(node.unit)) for (const seq of global.values()) seq.excused = true;
      if (c.children.length > 0) visit(c.children);
    }
    if (local !== null) for (const seq of local.values()) flush(seq, warnings);
  };
  visit(roots);
  for (const seq of global.values()) flush(seq, warnings);
  return warnings;
}

/** Articles that restart under each heading carry the heading in their id («s2.a1»). */
function articleScope(c: Clause): string {
  const dot = c.id.lastIndexOf('.');
  return dot < 0 ? '' : c.id.slice(0, dot);
}

function check(seq: Sequence, c: Clause, node: NodeInfo, warnings: ImportWarning[]): void {
  const number = c.number!;
  const last = node.range ? number.split(/[-–—]/).pop()!.trim() : number;
  const key = numberKey(last);
  const norm = flattenSuperscripts(number).toLowerCase().replace(/[–—]/g, '-');
  if (key === null) {
    seq.lastNumber = number;
    seq.seen.add(norm);
    return;
  }
  if (seq.pending !== undefined) {
    const p = seq.pending;
    const insertion =
      key.main === seq.base + 1 || key.main === seq.base || (key.sub.length === 0 && looksLikeFlattenedInsertion(seq.base, key.main));
    if (!insertion) {
      warnings.push(warning('numbering_gap', p.clause, p.unit, p.number, p.previous));
      seq.base = p.main;
    }
    seq.pending = undefined;
  }
  const previous = seq.lastNumber;
  const excused = seq.excused === true;
  seq.excused = false;
  // Numbering that starts again at 1 (a new list, a new section's articles) is not a duplicate.
  if (key.sub.length === 0 && key.main === 1 && seq.base > 1) seq.seen.clear();
  if (seq.seen.has(norm)) warnings.push(warning('numbering_duplicate', c, node.unit, number, previous));
  else if (previous !== '' && key.main > seq.base + 1 && !excused) {
    if (key.sub.length === 0 && !key.plain && looksLikeFlattenedInsertion(seq.base, key.main)) {
      seq.pending = { clause: c, unit: node.unit, number, previous, main: key.main };
      seq.lastNumber = number;
      seq.seen.add(norm);
      return;
    }
    warnings.push(warning('numbering_gap', c, node.unit, number, previous));
  }
  seq.lastNumber = number;
  seq.seen.add(norm);
  // An insertion printed away from its base (233¹ … 233¹⁹ after 244) leaves the base where it was.
  if (key.sub.length === 0 || key.main > seq.base) seq.base = key.main;
}

/** A flattened-insertion candidate at the end of its list: plausible only after a long run. */
function flush(seq: Sequence, warnings: ImportWarning[]): void {
  const p = seq.pending;
  if (p !== undefined && seq.base < 10) warnings.push(warning('numbering_gap', p.clause, p.unit, p.number, p.previous));
  seq.pending = undefined;
}

const UNIT_NAMES: Record<Lang, Partial<Record<LabelUnit, (n: string) => string>>> = {
  ru: {
    section: (n) => `раздел ${n}`, subsection: (n) => `подраздел ${n}`, chapter: (n) => `глава ${n}`,
    subchapter: (n) => `параграф ${n}`, subheading: (n) => `§ ${n}`, article: (n) => `статья ${n}`, part: (n) => `часть ${n}`,
    item: (n) => `пункт ${n}`, subitem: (n) => `подпункт ${n}`,
  },
  ky: {
    section: (n) => `${n} бөлүм`, subsection: (n) => `${n}-бөлүмчө`, chapter: (n) => `${n}-глава`,
    subchapter: (n) => `${n}-параграф`, subheading: (n) => `§ ${n}`, article: (n) => `${n}-берене`, part: (n) => `${n}-бөлүк`,
    item: (n) => `${n}-пункт`, subitem: (n) => `«${n}» пунктча`,
  },
  en: {
    section: (n) => `section ${n}`, subsection: (n) => `subsection ${n}`, chapter: (n) => `chapter ${n}`,
    subchapter: (n) => `paragraph ${n}`, subheading: (n) => `§ ${n}`, article: (n) => `article ${n}`, part: (n) => `part ${n}`,
    item: (n) => `item ${n}`, subitem: (n) => `sub-item ${n}`,
  },
};

function unitName(lang: Lang, unit: LabelUnit, n: string): string {
  return UNIT_NAMES[lang][unit]?.(n) ?? n;
}

function warning(code: 'numbering_gap' | 'numbering_duplicate', c: Clause, unit: LabelUnit, number: string, previous: string): ImportWarning {
  const name = (lang: Lang, n: string): string => unitName(lang, unit, n);
  const message: I18nText =
    code === 'numbering_gap'
      ? {
          ru: `Пропуск в нумерации: «${name('ru', number)}» идёт после «${name('ru', previous)}»`,
          ky: `Номерлөөдө ажырым бар: «${name('ky', previous)}» кийин «${name('ky', number)}» келет`,
          en: `Numbering gap: «${name('en', number)}» follows «${name('en', previous)}»`,
        }
      : {
          ru: `Номер повторяется: «${name('ru', number)}» уже встречался выше`,
          ky: `Номер кайталанат: «${name('ky', number)}» жогоруда бар`,
          en: `Duplicate number: «${name('en', number)}» already appears above`,
        };
  return { code, message, location: { line: c.line, clauseId: c.id, label: c.label } };
}
