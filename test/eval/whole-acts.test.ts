import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_ID, loadChecklists } from '../../server/checklist/service';
import { actPrecision, actRecall, evaluateAct, formatActResults, pooled } from './whole-act-eval';
import { actLabelFiles, loadLabelledActs, readActLabels } from './whole-acts';

describe('whole-act labels', () => {
  it('are well formed: one held-out act, every act says what each absence finding does', () => {
    const labels = actLabelFiles().map(readActLabels);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels.filter((l) => l.split === 'heldout').map((l) => l.file)).toEqual(['kg_civil_code_part1_1996_ru.txt']);
    for (const l of labels) expect(new Set(l.absences.map((a) => a.finding)).size).toBe(5);
  });

  it('name clauses that exist: every article and quote is found in the act as the import reads it', () => {
    const { acts, skipped } = loadLabelledActs();
    if (skipped.length > 0) console.warn(`[tendik] whole-act labels SKIPPED for ${skipped.join(', ')} (no ../shared/corpus)`);
    for (const act of acts) {
      expect(act.norms.length, act.name).toBe(act.labels.norms.length);
      for (const norm of act.norms) expect(norm.clauseIds.has(norm.clause.id)).toBe(true);
    }
    if (skipped.length === 0) {
      const risks = acts.flatMap((a) => a.norms.filter((n) => n.label.label === 'risk'));
      expect(risks.length).toBeGreaterThanOrEqual(25);
    }
  });
});

describe('whole-act evaluation', () => {
  it('prints precision over every risk candidate, recall over the labelled risk norms and the absences, per act, held-out apart', async () => {
    const { checklist } = (await loadChecklists()).get(DEFAULT_CHECKLIST_ID)!;
    const { acts, skipped } = loadLabelledActs();
    if (skipped.length > 0) console.warn(`[tendik] whole-act evaluation SKIPPED for ${skipped.join(', ')} (no ../shared/corpus)`);
    const results = acts.map((act) => evaluateAct(act, checklist));
    console.log(['whole-act evaluation (npm run eval lists every error):', ...formatActResults(results, { details: false })].join('\n'));
    for (const r of results) expect(r.truePositives + r.falsePositives.length).toBe(r.candidates);
    // The targets on the development acts (the held-out act is printed, never asserted: a test on it
    // would invite tuning on it).
    const dev = pooled(results.filter((r) => r.split === 'dev'));
    if (skipped.length === 0) {
      expect(actPrecision(dev)).toBeGreaterThanOrEqual(0.8);
      expect(actRecall(dev)).toBeGreaterThanOrEqual(0.9);
      expect(dev.absencesFound).toBe(dev.absencesExpected);
    }
  });
});
