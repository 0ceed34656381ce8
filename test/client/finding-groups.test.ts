import { describe, expect, it } from 'vitest';
import { groupListed, pluralForm } from '../../client/review/finding-groups';
import type { ListedItem } from '../../client/review/findings-panel';

/**
 * Issue 15 in the findings list: candidates grouped under a dismissed one (shared/checklist/grouping.ts)
 * are not listed on their own; the dismissed card carries them, in the list's order; one she opens
 * from the group is listed again. The count's word form follows the language's plural rules.
 */
const item = (id: string, over: Partial<ListedItem> = {}): ListedItem => ({
  id,
  kind: 'finding',
  origin: 'engine',
  authorId: null,
  criterionId: 'C3',
  severity: 'concern',
  quote: 'глава семьи',
  explanation: 'Нейтральный критерий',
  verdicts: [],
  replies: [],
  status: 'open',
  clauseId: 'a1',
  ...over,
});

describe('what the findings list shows when candidates are grouped', () => {
  const items = [item('d1'), item('g1'), item('other'), item('g2'), item('comment', { kind: 'comment', origin: 'expert' })];
  const grouped = new Map([
    ['g1', 'd1'],
    ['g2', 'd1'],
  ]);

  it('leaves grouped ones out of the list and puts them, in order, under the dismissed one', () => {
    const view = groupListed(items, grouped);
    expect(view.listed.map((i) => i.id)).toEqual(['d1', 'other', 'comment']);
    expect([...view.under].map(([id, list]) => [id, list.map((i) => i.id)])).toEqual([['d1', ['g1', 'g2']]]);
    expect(view.hidden).toBe(2);
  });

  it('lists a grouped one she opened on its own again, still counted in its group', () => {
    const view = groupListed(items, grouped, new Set(['g2']));
    expect(view.listed.map((i) => i.id)).toEqual(['d1', 'g1', 'other', 'g2', 'comment'].filter((id) => id !== 'g1'));
    expect(view.under.get('d1')!.map((i) => i.id)).toEqual(['g1', 'g2']);
    expect(view.hidden).toBe(1);
  });

  it('changes nothing when nothing is grouped (a grouping to a card no longer there is ignored)', () => {
    expect(groupListed(items, new Map()).listed).toEqual(items);
    const orphan = groupListed(items, new Map([['g1', 'gone']]));
    expect(orphan.listed.map((i) => i.id)).toEqual(['d1', 'g1', 'other', 'g2', 'comment']);
    expect(orphan.hidden).toBe(0);
  });
});

describe('plural forms of the grouped count', () => {
  it('Russian one / few / many, Kyrgyz and English one / other', () => {
    expect([1, 2, 3, 5, 11, 21, 22, 25].map((n) => pluralForm('ru', n))).toEqual(['one', 'few', 'few', 'many', 'many', 'one', 'few', 'many']);
    expect([1, 2, 5].map((n) => pluralForm('ky', n))).toEqual(['one', 'other', 'other']);
    expect([1, 2, 5].map((n) => pluralForm('en', n))).toEqual(['one', 'other', 'other']);
  });
});
