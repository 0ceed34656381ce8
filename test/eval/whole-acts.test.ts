import { describe, expect, it } from 'vitest';
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
