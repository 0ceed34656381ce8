import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../client/editor/highlights';
import { articleNumber, articleOf, matchesFilters, NO_FILTERS, type Filters } from '../../client/review/finding-filters';
import type { ListedItem } from '../../client/review/findings-panel';
import { alternateNeighbours } from '../../client/review/highlight-neighbours';

/** Issue 17: the findings list's filters and search, and side-by-side highlights, as plain functions. */
const item = (over: Partial<ListedItem>): ListedItem => ({
  id: 'x',
  kind: 'finding',
  origin: 'expert',
  authorId: 'aida',
  criterionId: 'C1',
  severity: 'concern',
  quote: 'назначается женщинам',
  explanation: 'Пособие только матерям',
  verdicts: [],
  replies: [],
  status: 'open',
  clauseId: 'a1.p1',
  ...over,
});

const items: ListedItem[] = [
  item({ id: 'own', authorId: 'bakyt', clauseId: 'a2' }),
  item({ id: 'voted', verdicts: [{ targetId: 'voted', authorId: 'bakyt', decision: 'confirm', at: 1 }] }),
  item({ id: 'open', clauseId: 'ch2.a16-1.p2', explanation: 'Ещё одно замечание о Ёлке' }),
  item({ id: 'decided', final: { targetId: 'decided', decision: 'confirmed', at: 2 }, finalDecision: 'confirmed' }),
  item({ id: 'engine', origin: 'engine', authorId: null, clauseId: 'a3' }),
  item({ id: 'comment', kind: 'comment', criterionId: '', severity: null, replies: [{ id: 'r', targetId: 'comment', authorId: 'aida', body: 'ответ про комиссию', createdAt: 1 }] }),
];
const shown = (f: Partial<Filters>, me = { id: 'bakyt', isSecretary: false }) =>
  items.filter((i) => matchesFilters(i, { ...NO_FILTERS, ...f }, me, (x) => (x.authorId === 'aida' ? 'Аида' : 'Бакыт'))).map((i) => i.id);

describe('the findings list’s filters', () => {
  it('mine, not yet assessed by me, awaiting the secretary, comments', () => {
    expect(shown({ show: 'mine' })).toEqual(['own']);
    expect(shown({ show: 'notVoted' })).toEqual(['open', 'decided', 'engine']);
    expect(shown({ show: 'notVoted' }, { id: 'sec', isSecretary: true })).toEqual(['own', 'voted', 'open', 'engine']);
    expect(shown({ show: 'awaiting' })).toEqual(['own', 'voted', 'open', 'engine']);
    expect(shown({ show: 'comments' })).toEqual(['comment']);
  });

  it('by article, chapter-prefixed ids and superscript numbers included', () => {
    expect(articleOf('a15.p2.i4.b')).toBe('a15');
    expect(articleOf('ch2.a16-1.p2')).toBe('ch2.a16-1');
    expect(articleOf('ch2')).toBeNull();
    expect(articleNumber('ch2.a16-1')).toBe('16-1');
    expect(shown({ article: 'a2' })).toEqual(['own']);
    expect(shown({ article: 'ch2.a16-1' })).toEqual(['open']);
  });

  it('search: every word, case and ё folded, in the text, quote, author and live replies', () => {
    expect(shown({ search: 'ЕЛКЕ' })).toEqual(['open']);
    expect(shown({ search: 'комиссию' })).toEqual(['comment']);
    expect(shown({ search: 'матерям бакыт' })).toEqual(['own', 'engine']);
    expect(shown({ search: 'нет такого' })).toEqual([]);
  });
});

describe('side-by-side highlights alternate', () => {
  const hl = (id: string, start: number, end: number, clauseId = 'a1'): Highlight => ({ id, clauseId, start, end, className: 'crit-0', label: '' });
  const alt = (list: Highlight[]) => alternateNeighbours(list).filter((h) => h.className.includes('hl--alt')).map((h) => h.id);

  it('a row of neighbours alternates; far apart, nested or in another clause they do not', () => {
    expect(alt([hl('a', 0, 11), hl('b', 12, 20), hl('c', 20, 25), hl('d', 40, 50)])).toEqual(['b']);
    expect(alt([hl('a', 0, 11), hl('b', 12, 20), hl('c', 21, 25)])).toEqual(['b']);
    expect(alt([hl('outer', 0, 30), hl('inner', 5, 10), hl('next', 31, 40)])).toEqual(['next']);
    expect(alt([hl('a', 0, 11), hl('b', 12, 20, 'a2')])).toEqual([]);
  });
});
