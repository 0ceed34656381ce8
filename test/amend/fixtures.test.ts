import { describe, expect, it } from 'vitest';
import { corpusAvailable } from '../helpers/corpus';
import { ALL_FIXTURES, type FixtureExpectation } from './expectations';
import { applyFixture, baseTree, clauseById } from './helpers';
import { removalFindings } from '../../shared/amend/removals';

/**
 * The amendment laws of test/amend/fixtures applied to their base acts, checked against the consolidated texts
 * written by hand in expectations.ts before the applying code existed. Corpus-based ones are skipped, saying
 * so, when ../shared/corpus is absent; the own base acts (ru, ky) always run.
 */
for (const [name, exp] of Object.entries(ALL_FIXTURES) as Array<[string, FixtureExpectation]>) {
  const available = 'fixture' in exp.base || corpusAvailable(exp.base.corpus);
  describe.runIf(available)(`${name}: ${exp.amendment}`, () => {
    const outcome = available ? applyFixture(exp) : { acts: [], results: [] };
    const act = outcome.acts[0];

    for (const [id, want] of Object.entries(exp.instructions)) {
      it(`instruction ${id}: ${want.reason ? `refused (${want.reason})` : `${want.unit} ${want.after === null ? 'removed' : 'as expected'}`}`, () => {
        const result = outcome.results.find((r) => r.instructionId === id);
        expect(result, `instruction ${id} is read by the import`).toBeDefined();
        if (want.reason) {
          expect(result!.status).toBe('failed');
          expect(result!.reason).toBe(want.reason);
          if (want.detail !== undefined) expect(result!.detail).toContain(want.detail);
          return;
        }
        expect(result!.status, JSON.stringify(result)).toBe('applied');
        expect(result!.unitId).toBe(want.unit);
        const unit = clauseById(act!.tree, want.unit!);
        if (want.after === null) {
          expect(unit).toBeUndefined();
          expect(act!.marks[want.unit!]?.change).toBe('removed');
          expect(act!.removed.some((r) => r.clause.id === want.unit)).toBe(true);
        } else {
          expect(unit?.text).toBe(want.after);
          expect(act!.marks[want.unit!]?.by).toContain(id);
        }
      });
    }

    it('refused instructions change nothing and units named as unchanged stay as printed', () => {
      const base = baseTree(exp);
      for (const id of exp.unchanged ?? []) expect(clauseById(act!.tree, id)?.text, id).toBe(clauseById(base, id)?.text);
      for (const r of outcome.results.filter((x) => x.status === 'failed')) expect(Object.values(act!.marks).some((m) => m.by.includes(r.instructionId))).toBe(false);
    });

    it('new units stand in their place', () => {
      for (const seq of exp.order ?? []) {
        const [first] = seq;
        const parentList = findSiblings(act!.tree.clauses, first!);
        expect(parentList, first).toBeDefined();
        const ids = parentList!.map((c) => c.id);
        const at = ids.indexOf(first!);
        expect(ids.slice(at, at + seq.length)).toEqual(seq);
      }
    });
  });
}

function findSiblings(list: ReadonlyArray<{ id: string; children: any[] }>, id: string): ReadonlyArray<{ id: string; children: any[] }> | undefined {
  if (list.some((c) => c.id === id)) return list;
  for (const c of list) {
    const found = findSiblings(c.children, id);
    if (found) return found;
  }
  return undefined;
}

/** What each fixture amendment takes out, against the kinds written in expectations.ts before the rules ran. */
describe('removals: a protection, a quota, a ground of discrimination taken out is a finding of its own', () => {
  for (const [name, exp] of Object.entries(ALL_FIXTURES) as Array<[string, FixtureExpectation]>) {
    const available = 'fixture' in exp.base || corpusAvailable(exp.base.corpus);
    it.runIf(available && exp.removals !== undefined)(name, () => {
      const outcome = applyFixture(exp);
      const found = removalFindings(outcome.results, baseTree(exp).meta.language);
      const byInstruction: Record<string, string[]> = {};
      for (const f of found) (byInstruction[f.instructionId] ??= []).push(f.kind);
      expect(byInstruction).toEqual(exp.removals);
      for (const f of found) expect(f.explanation.ru).toMatch(/^Исключение/);
    });
  }
});
