import type { Clause, ClauseKind } from '../clause';
import type { Lang } from '../i18n/lang';

/**
 * What applying needs to know of a unit as printed: its number marker («Статья 18.», «2.», «5)», «а)»,
 * «3-берене.»), its whole text with the units under it, and how a repealed unit reads.
 */
const MARKER =
  /^(?:(?:Статья|Article|Берене)\s+[\dА-Яа-я¹²³⁴⁵⁶⁷⁸⁹⁰-]+\.?|\d+(?:-\d+)?\s*-\s*(?:берене|статья)\.?|\d+(?:[-.]\d+)*[.)]|\(\d+\)|[а-яёa-zөүң]\d*\))/u;

export function numberMarker(text: string): string {
  return MARKER.exec(text.trim())?.[0] ?? '';
}

/** The unit's own text and every unit under it, one per line, as an instruction changes them. */
export function unitText(clause: Clause): string {
  const lines: string[] = [];
  const visit = (c: Clause): void => {
    lines.push(c.text);
    for (const child of c.children) visit(child);
  };
  visit(clause);
  return lines.join('\n');
}

const RU_FEMININE: ReadonlySet<ClauseKind> = new Set<ClauseKind>(['article', 'part', 'chapter', 'section', 'division', 'subsection']);

/** «Статья 18. Утратила силу.», «5) Утратил силу.», «2. Күчүн жоготту.» — how the consolidated act prints a repealed unit. */
export function repealedText(clause: Clause, lang: Lang): string {
  const marker = numberMarker(clause.text);
  const phrase = lang === 'ky' ? 'Күчүн жоготту.' : lang === 'en' ? 'Repealed.' : RU_FEMININE.has(clause.kind) ? 'Утратила силу.' : 'Утратил силу.';
  const head = marker && !/[.)]$/.test(marker) ? marker + '.' : marker;
  return head ? `${head} ${phrase}` : phrase;
}

/** Numbers as instructions and imports print them, read alike: «16¹» = «16-1», «2.1» = «2-1», «Б» = «б». */
export function sameNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && normNumber(a) === normNumber(b);
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

export function normNumber(n: string): string {
  return n
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, '')
    .replace(/([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (s) => '-' + [...s].map((c) => SUPERSCRIPT[c]).join(''))
    .replace(/[.–—]/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Order of two numbers of one level: 14 < 14-1 < 15; letters by the alphabet. */
export function compareNumbers(a: string, b: string): number {
  const pa = normNumber(a).split('-');
  const pb = normNumber(b).split('-');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y, 'ru');
    if (c !== 0) return c;
  }
  return 0;
}
