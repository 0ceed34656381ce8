import { format, type I18nText, type Lang } from '../i18n/lang';
import { REMOVAL_RULES, REMOVAL_TEXT, type RemovalKind } from './removal-rules';
import type { InstructionResult } from './result';
import { wordDiff } from './word-diff';

/** A protection, a quota or a ground of discrimination an instruction takes out: a finding of its own. */
export interface RemovalFinding {
  instructionId: string;
  unitId: string;
  unitLabel: string;
  ruleId: string;
  kind: RemovalKind;
  criterionId: string;
  confidence: 'high' | 'medium';
  /** The words struck that the rule matched in, as printed. */
  removed: string;
  explanation: I18nText;
}

/**
 * The words each applied instruction strikes (a unit removed or repealed: all of it; words excluded or replaced:
 * those words) that match a removal rule and are not in the unit after it — a guarantee reworded stays.
 */
export function removalFindings(results: readonly InstructionResult[], lang: Lang): RemovalFinding[] {
  const out: RemovalFinding[] = [];
  for (const r of results) {
    if (r.status !== 'applied' || r.before === null || !r.unitId) continue;
    const struck =
      r.change === 'removed' || r.change === 'repealed'
        ? r.before
        : r.after === null
          ? r.before
          : wordDiff(r.before, r.after)
              .filter((s) => s.kind === 'del')
              .map((s) => s.text.trim())
              .join(' … ');
    if (struck.trim() === '') continue;
    const after = r.change === 'removed' ? '' : (r.after ?? '').toLowerCase();
    const kinds = new Set<RemovalKind>();
    for (const rule of REMOVAL_RULES) {
      // one finding of a kind per instruction; a protection or a quota taken out says it all, the sex-named words in it are part of it
      if (kinds.has(rule.kind) || (rule.kind === 'ground' && kinds.size > 0)) continue;
      const re = lang === 'ky' ? rule.ky : rule.ru;
      const inStruck = re.exec(struck.toLowerCase());
      if (!inStruck) continue;
      // as often after the change as before (moved or reworded within the unit): nothing was taken out
      if (r.change === 'changed' && occurrences(after, inStruck[0]) >= occurrences(r.before.toLowerCase(), inStruck[0])) continue;
      kinds.add(rule.kind);
      const words = struck.length > 160 ? `${struck.slice(0, 157)}…` : struck;
      const text = REMOVAL_TEXT[rule.kind];
      out.push({
        instructionId: r.instructionId,
        unitId: r.unitId,
        unitLabel: r.unitLabel ?? r.unitId,
        ruleId: rule.id,
        kind: rule.kind,
        criterionId: rule.criterionId,
        confidence: rule.confidence,
        removed: words,
        explanation: { ru: format(text.ru, { words }), ky: format(text.ky, { words }), en: format(text.en, { words }) },
      });
    }
  }
  return out;
}

function occurrences(text: string, words: string): number {
  let n = 0;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) n++;
  return n;
}
