import type { Clause, ClauseTree } from '../clause';
import type { ClauseId } from '../ids';
import type { CompiledChecklist, CompiledDetector } from './compile';
import { analyse } from './engine';
import type { ChecklistProblem } from './problems';

/**
 * Runs every detector's own examples, as prh's specs and LanguageTool's <example>s do: each `flag`
 * example must raise a finding of that detector and each `pass` example must not. A broken detector
 * therefore cannot load.
 */
export function checkExamples(checklist: CompiledChecklist): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  for (const detector of checklist.detectors) {
    const only = new Set([detector.id]);
    // A clause-level detector's act-level note (a neutral term that decides nothing, listed once for the
    // act) is not a finding on the example's clause.
    const run = (text: string) =>
      analyse(exampleTree(detector, text), checklist, { onlyDetectors: only }).filter((f) => detector.level === 'act' || !f.actLevel);
    detector.data.examples.flag.forEach((text, i) => {
      if (run(text).length === 0)
        problems.push({ code: 'CHECKLIST_EXAMPLE_NOT_FLAGGED', path: [...detector.path, 'examples', 'flag', i], params: { id: detector.id, text } });
    });
    detector.data.examples.pass.forEach((text, i) => {
      if (run(text).length > 0)
        problems.push({ code: 'CHECKLIST_EXAMPLE_FLAGGED', path: [...detector.path, 'examples', 'pass', i], params: { id: detector.id, text } });
    });
  }
  return problems;
}

/**
 * A small act in the detector's language, of a kind its scope accepts: one clause per line of the
 * example (an act-level detector may need several clauses to fire).
 */
export function exampleTree(detector: CompiledDetector, text: string): ClauseTree {
  const kind = detector.clauseKinds.has('part') ? 'part' : [...detector.clauseKinds][0] ?? 'text';
  const clauses: Clause[] = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({ id: (i === 0 ? 'example' : `example-${i + 1}`) as ClauseId, kind, number: null, label: 'example', text: line, children: [] }));
  return {
    meta: {
      language: detector.lang,
      actKind: detector.actKinds ? [...detector.actKinds][0]! : 'law',
      title: null,
      date: null,
      number: null,
      isDraft: true,
    },
    clauses,
  };
}
