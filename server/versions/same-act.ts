import type { ClauseTree } from '../../shared/clause';
import type { SameActCheck } from '../../shared/contract/versions';
import type { Alignment } from '../../shared/versions/align';
import { textsOf } from './carry';

/** Below this share of the previous version's units finding a counterpart, the texts are not one act's readings. */
export const FEW_ALIGNED = 0.3;

function normTitle(title: string | null): string | null {
  if (!title) return null;
  return title.toLowerCase().replace(/[«»"„“”'()]/g, '').replace(/\s+/g, ' ').trim();
}

/** Does the new text look like a reading of the same act? The warnings the secretary must confirm. */
export function sameActCheck(oldTree: ClauseTree, newTree: ClauseTree, alignment: Alignment): SameActCheck {
  const oldCount = textsOf(oldTree).size;
  // Units aligned by their words, not those taken by number alone under an aligned parent.
  const byWords = alignment.entries.filter((e) => e.oldId !== null && e.newId !== null && e.kind !== 'split' && e.similarity >= 0.5).length;
  const alignedShare = oldCount === 0 ? 0 : Math.round((byWords / oldCount) * 1000) / 1000;
  const warnings: SameActCheck['warnings'] = [];
  const [a, b] = [normTitle(oldTree.meta.title), normTitle(newTree.meta.title)];
  if (a && b && a !== b) warnings.push('different_title');
  if (alignedShare < FEW_ALIGNED) warnings.push('few_aligned');
  if (oldTree.meta.actKind !== newTree.meta.actKind) warnings.push('different_kind');
  return { oldTitle: oldTree.meta.title, newTitle: newTree.meta.title, alignedShare, warnings };
}

