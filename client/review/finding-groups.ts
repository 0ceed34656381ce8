import type { Lang } from '../../shared/i18n/lang';
import type { ListedItem } from './findings-panel';

/**
 * Issue 15 in the findings list: once an expert dismissed an engine candidate, the same rule's
 * untouched candidates on the same words (shared/checklist/grouping.ts says which) are not listed on
 * their own — the dismissed card carries them in a disclosure. They are not open work in the counts
 * or the filters either. One she opens from the group is listed on its own again (to confirm, reply
 * or decide, which takes it out of the group for good). Pure, so the list and its tests agree.
 */
export interface GroupedList {
  /** What the list shows, in the given order: everything but the grouped ones not opened. */
  listed: ListedItem[];
  /** The dismissed card's id → the candidates grouped under it, in the given order. */
  under: Map<string, ListedItem[]>;
  /** How many grouped candidates the list does not show on their own. */
  hidden: number;
}

export function groupListed(items: readonly ListedItem[], grouped: ReadonlyMap<string, string>, opened: ReadonlySet<string> = new Set()): GroupedList {
  const present = new Set(items.map((i) => i.id));
  const under = new Map<string, ListedItem[]>();
  const listed: ListedItem[] = [];
  let hidden = 0;
  for (const item of items) {
    const head = grouped.get(item.id);
    // A group whose dismissed card is not there (a re-run removed it) would hide candidates for good.
    if (head === undefined || !present.has(head)) {
      listed.push(item);
      continue;
    }
    under.set(head, [...(under.get(head) ?? []), item]);
    if (opened.has(item.id)) listed.push(item);
    else hidden += 1;
  }
  return { listed, under, hidden };
}

export type PluralForm = 'one' | 'few' | 'many' | 'other';

/** The word form a count takes: Russian has one / few / many, Kyrgyz and English one / other. */
export function pluralForm(lang: Lang, count: number): PluralForm {
  const form = new Intl.PluralRules(lang).select(count);
  if (lang === 'ru') return form === 'one' || form === 'few' ? form : 'many';
  return form === 'one' ? 'one' : 'other';
}
