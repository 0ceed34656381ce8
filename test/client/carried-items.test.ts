import { describe, expect, it } from 'vitest';
import { placeInVersion } from '../../client/review/carried-place';
import { matchesFilters, NO_FILTERS } from '../../client/review/finding-filters';
import type { ListedItem } from '../../client/review/findings-panel';

/** Issue 16: the findings list on a later version — carried cards keep their state, orphans lose this version's place. */
const item = (over: Partial<ListedItem>): ListedItem => ({
  id: 'f1',
  kind: 'finding',
  origin: 'expert',
  authorId: 'aida',
  criterionId: 'C1',
  severity: 'concern',
  quote: 'пяти членов',
  explanation: 'Нет требования',
  verdicts: [],
  replies: [],
  status: 'open',
  clauseId: 'a1',
  ...over,
});
const me = { id: 'aida', isSecretary: false };

describe('where a carried card is in this version', () => {
  it('a placed or changed one keeps its position here', () => {
    const position = { state: 'reanchored' as const, clauseId: 'a3.p1', start: 2, end: 9 };
    expect(placeInVersion(position, 'a2.p1', { fromVersion: 1, state: 'changed', manual: false })).toEqual({ position, clauseId: 'a3.p1' });
    expect(placeInVersion(undefined, 'a2.p1', undefined)).toEqual({ clauseId: 'a2.p1' });
  });

  it('an orphan or a pending one has no place here: no position, no clause (its id is an older version’s)', () => {
    const old = { state: 'orphaned' as const, clauseId: 'a2.p1', start: 0, end: 0 };
    expect(placeInVersion(old, 'a2.p1', { fromVersion: 1, state: 'orphaned', manual: false })).toEqual({ clauseId: '' });
    expect(placeInVersion(undefined, 'a2.p1', { fromVersion: 1, state: 'pending', manual: false })).toEqual({ clauseId: '' });
    // Version 1's own orphan (the secretary corrected its words away) keeps its place as before.
    expect(placeInVersion(old, 'a2.p1', undefined)).toEqual({ position: old, clauseId: 'a2.p1' });
  });

  it('an orphan is in no article, and «only on deleted text» keeps the orphans alone', () => {
    const orphan = item({ id: 'o', clauseId: '', carried: { fromVersion: 1, state: 'orphaned', manual: false } });
    const items = [
      orphan,
      item({ id: 'c', carried: { fromVersion: 1, state: 'placed', manual: false } }),
      item({ id: 'n' }),
    ];
    expect(matchesFilters(orphan, { ...NO_FILTERS, article: 'a2' }, me, () => '')).toBe(false);
    expect(items.filter((i) => matchesFilters(i, { ...NO_FILTERS, show: 'orphans' }, me, () => '')).map((i) => i.id)).toEqual(['o']);
    expect(items.filter((i) => matchesFilters(i, NO_FILTERS, me, () => '')).length).toBe(3);
  });
});
