import { walkClauses, type Clause } from '../clause';
import { builtReference } from '../conclusion/clause-ref';
import { isLang, type Lang } from '../i18n/lang';
import type { ConsolidatedAct } from './result';

/**
 * A unit of a base act as the amendment law makes it read, named as the act prints it: «Статья 14, часть 4»,
 * «3-берене, 3-бөлүк», «Статья 16-1». Built from the units' kinds and numbers, because a unit the law adds
 * carries the draft's label («Статья 1, пункт 1, подпункт в: «Часть 4»»); where a number is unknown (a new
 * paragraph), the nearest unit above that has one. Undefined when the unit is not in the act as it will read
 * (taken out: the caller has its label from the act in force).
 */
export function unitReference(act: ConsolidatedAct, unitId: string): string | undefined {
  const lang: Lang = isLang(act.tree.meta.language) && act.tree.meta.language !== 'en' ? act.tree.meta.language : 'ru';
  for (const [clause, parents] of walkClauses(act.tree.clauses)) {
    if (clause.id !== unitId) continue;
    const chain: Clause[] = [...parents, clause].map((unit, i, all) => withCountedNumber(unit, i === 0 ? act.tree.clauses : all[i - 1]!.children));
    for (let end = chain.length; end > 0; end--) {
      const reference = builtReference(chain.slice(0, end), lang);
      if (reference) return reference;
    }
    return clause.label;
  }
  return undefined;
}

/**
 * A paragraph (абзац) has no number of its own: the import counts it among its parent's paragraphs, and a
 * paragraph the law adds carries the draft's label, whose last number is the instruction's. Counted here
 * among the paragraphs of the act as it will read, as the import would count them there.
 */
function withCountedNumber(unit: Clause, siblings: readonly Clause[]): Clause {
  if (unit.kind !== 'indent' || unit.number?.trim()) return unit;
  const at = siblings.filter((s) => s.kind === 'indent').indexOf(unit);
  return at < 0 ? unit : { ...unit, number: String(at + 1) };
}
