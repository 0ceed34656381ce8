import type { ListedItem } from './findings-panel';

/**
 * What the findings list can be narrowed to (issue 17): besides criterion, status, author and origin,
 * "show" (mine, not yet assessed by me, awaiting the secretary, comments), the article, and words
 * searched in the findings' own text. Pure, so the list and its tests agree.
 */
export interface Filters {
  criterion: string;
  status: string;
  author: string;
  origin: string;
  /** … and, on a later version of the draft (issue 16), those on deleted text ('orphans'). */
  show: '' | 'mine' | 'notVoted' | 'awaiting' | 'comments' | 'orphans';
  article: string;
  search: string;
}

export const NO_FILTERS: Filters = { criterion: '', status: '', author: '', origin: '', show: '', article: '', search: '' };

/** The article a clause id belongs to: `a15` of `a15.p2.i4`, `ch2.a15` where articles restart by chapter. */
export function articleOf(clauseId: string): string | null {
  const parts = clauseId.split('.');
  const at = parts.findIndex((p) => /^a\d/.test(p));
  return at < 0 ? null : parts.slice(0, at + 1).join('.');
}

/** The article's number as printed in an id (`a16-1` → «16-1»). */
export function articleNumber(article: string): string {
  return article.slice(article.lastIndexOf('.') + 1).slice(1);
}

/** Case and ё folded, spaces collapsed: what a search compares. */
export function folded(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ');
}

export function matchesFilters(item: ListedItem, f: Filters, me: { id: string; isSecretary: boolean }, authorName: (item: ListedItem) => string): boolean {
  if (f.criterion && item.criterionId !== f.criterion) return false;
  if (f.status && item.status !== f.status) return false;
  if (f.origin && item.origin !== f.origin) return false;
  if (f.author && (f.author === 'engine' ? item.origin !== 'engine' : item.authorId !== f.author)) return false;
  const own = item.origin === 'expert' && item.authorId === me.id;
  switch (f.show) {
    case 'mine':
      if (!own) return false;
      break;
    case 'notVoted':
      if (item.kind !== 'finding' || own) return false;
      if (me.isSecretary ? item.final !== undefined : item.verdicts.some((v) => v.authorId === me.id)) return false;
      break;
    case 'awaiting':
      if (item.kind !== 'finding' || item.final !== undefined) return false;
      break;
    case 'comments':
      if (item.kind !== 'comment') return false;
      break;
    case 'orphans':
      if (item.carried?.state !== 'orphaned') return false;
      break;
  }
  if (f.article && articleOf(item.clauseId) !== f.article) return false;
  if (f.search.trim()) {
    const haystack = folded(
      [item.quote, item.explanation, item.proposedWording ?? '', ...(item.amendment ? [item.amendment.unitLabel, item.amendment.actTitle, item.amendment.words] : []), authorName(item), ...item.replies.filter((r) => r.deletedAt === undefined).map((r) => r.body)].join('\n'),
    );
    if (!folded(f.search.trim()).split(' ').every((word) => haystack.includes(word))) return false;
  }
  return true;
}
