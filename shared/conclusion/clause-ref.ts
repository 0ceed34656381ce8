import { walkClauses, type Clause, type ClauseKind, type ClauseTree } from '../clause';
import type { Lang } from '../i18n/lang';
import { clauseLabel, draftLanguage } from './confirmed';
import { cleanLine } from './sanitize';

/**
 * A structural unit named in the export's language: «Статья 18, часть 2» / «18-берене, 2-бөлүк» /
 * "Article 18, part 2". The import labels each clause in the draft's own language; a Kyrgyz conclusion
 * on a Russian draft must still cite «18-берене», so the reference is built again from the clause's
 * kind and the numbers of the units above it. Where a number is unknown (a heading, an unnumbered
 * unit, new text quoted inside an amendment) the import's label stands, as the draft prints it.
 */
export type ClauseRef = (clause: Clause) => string;

type Unit = 'article' | 'part' | 'item' | 'subitem' | 'indent' | 'chapter' | 'section' | 'subsection' | 'subchapter' | 'preamble' | 'header' | 'signature';
type Piece = (n: string) => string;

const PIECES: Readonly<Record<Lang, Readonly<Record<Unit, Piece>>>> = {
  ru: {
    article: (n) => `статья ${n}`,
    part: (n) => `часть ${n}`,
    item: (n) => `пункт ${n}`,
    subitem: (n) => `подпункт ${n}`,
    indent: (n) => `абзац ${n}`,
    chapter: (n) => `глава ${n}`,
    section: (n) => `раздел ${n}`,
    subsection: (n) => `подраздел ${n}`,
    subchapter: (n) => `параграф ${n}`,
    preamble: () => 'преамбула',
    header: () => 'заголовок',
    signature: () => 'подписи',
  },
  ky: {
    article: (n) => `${n}-берене`,
    part: (n) => `${n}-бөлүк`,
    item: (n) => `${n}-пункт`,
    subitem: (n) => `«${n}» пунктчасы`,
    indent: (n) => `${n}-абзац`,
    chapter: (n) => `${n}-глава`,
    section: (n) => `${n} бөлүм`,
    subsection: (n) => `${n}-бөлүмчө`,
    subchapter: (n) => `${n}-параграф`,
    preamble: () => 'преамбула',
    header: () => 'аталышы',
    signature: () => 'кол тамгалар',
  },
  en: {
    article: (n) => `article ${n}`,
    part: (n) => `part ${n}`,
    item: (n) => `item ${n}`,
    subitem: (n) => `sub-item (${n})`,
    indent: (n) => `paragraph ${n}`,
    chapter: (n) => `chapter ${n}`,
    section: (n) => `section ${n}`,
    subsection: (n) => `subsection ${n}`,
    subchapter: (n) => `subchapter ${n}`,
    preamble: () => 'preamble',
    header: () => 'title',
    signature: () => 'signatures',
  },
};

/** Units a reference starts from: an article is cited without its chapter, a chapter on its own. */
const STANDALONE: ReadonlySet<ClauseKind> = new Set<ClauseKind>(['header', 'preamble', 'signature', 'section', 'subsection', 'chapter', 'subchapter', 'article']);
/** Units that have no number of their own: the import counted them, and its label carries the count. */
const COUNTED: ReadonlySet<ClauseKind> = new Set<ClauseKind>(['indent']);
const UNNUMBERED: ReadonlySet<Unit> = new Set<Unit>(['preamble', 'header', 'signature']);

/** The unit an amendment instruction is numbered as, read from the import's label («…, пункт 3», «3-пункт»). */
function amendmentUnit(label: string): Unit | null {
  const last = label.split(',').at(-1) ?? '';
  if (/часть|бөлүк|\bpart\b/i.test(last)) return 'part';
  if (/подпункт|пунктча|sub-item/i.test(last)) return 'subitem';
  if (/пункт|\bitem\b/i.test(last)) return 'item';
  if (/абзац|paragraph/i.test(last)) return 'indent';
  return null;
}

function unitOf(clause: Clause): Unit | null {
  switch (clause.kind) {
    case 'article':
    case 'part':
    case 'item':
    case 'subitem':
    case 'indent':
    case 'chapter':
    case 'section':
    case 'subsection':
    case 'subchapter':
    case 'preamble':
    case 'header':
    case 'signature':
      return clause.kind;
    case 'amendment':
      return amendmentUnit(clause.label);
    default:
      return null;
  }
}

/** The number the unit is cited by: its own, or the count the import wrote into its label. */
function numberOf(clause: Clause, unit: Unit): string | null {
  if (UNNUMBERED.has(unit)) return '';
  const own = cleanLine(clause.number);
  if (own) return own;
  if (COUNTED.has(clause.kind) || clause.kind === 'amendment') {
    const last = clause.label.split(',').at(-1) ?? '';
    return /(\d+)/.exec(last)?.[1] ?? null;
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The reference of one clause from its chain of parents, or null when a piece is unknown. Also what names a unit
 * of a base act as an amendment law makes it read (shared/amend/unit-reference.ts): the labels of units the law
 * adds are the draft's, not the act's.
 */
export function builtReference(chain: readonly Clause[], lang: Lang): string | null {
  let start = 0;
  chain.forEach((c, i) => {
    if (STANDALONE.has(c.kind)) start = i;
  });
  const pieces: string[] = [];
  for (const clause of chain.slice(start)) {
    if (clause.quoted) return null;
    const unit = unitOf(clause);
    if (!unit) return null;
    const number = numberOf(clause, unit);
    if (number === null) return null;
    pieces.push(PIECES[lang][unit](number));
  }
  return pieces.length ? capitalise(pieces.join(', ')) : null;
}

/**
 * References for the clauses of one tree in one language. In the draft's own Russian or Kyrgyz the
 * import's labels are already what a lawyer writes and stay as they are; in another language (and in
 * English, which the import writes «Article 15(2)»), they are built from the structure.
 */
export function clauseReferences(tree: ClauseTree, lang: Lang): ClauseRef {
  if (lang !== 'en' && draftLanguage(tree) === lang) return clauseLabel;
  const chains = new Map<string, readonly Clause[]>();
  for (const [clause, parents] of walkClauses(tree.clauses)) chains.set(clause.id, [...parents, clause]);
  const cache = new Map<string, string>();
  return (clause) => {
    const known = cache.get(clause.id);
    if (known !== undefined) return known;
    const chain = chains.get(clause.id) ?? [clause];
    const reference = builtReference(chain, lang) ?? clauseLabel(clause);
    cache.set(clause.id, reference);
    return reference;
  };
}
