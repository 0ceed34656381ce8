import type { Clause, ClauseTree } from '../clause';

/** Why an instruction was not applied. Never guessed around: each is listed for the secretary. */
export const APPLY_FAILURES = [
  'act_not_attached', // the act it names is not among the attached base acts
  'target_not_found', // the article, part, item or paragraph it names is not in the act
  'words_not_found', // the words to replace, exclude or insert at are not in the unit
  'ambiguous', // the words stand more than once in the unit
  'unit_exists', // a supplement adds a unit whose number the act already has
  'no_new_text', // a supplement or restatement without the text it adds
  'unsupported', // an operation applying does not know («other», a whole act restated)
] as const;
export type ApplyFailure = (typeof APPLY_FAILURES)[number];

export type UnitChange = 'changed' | 'added' | 'removed' | 'repealed';

export interface InstructionResult {
  instructionId: string;
  instructionLabel: string;
  /** The act the instruction names, as it names it. */
  actTitle?: string;
  /** Which attached act it was applied to. */
  actKey?: string;
  status: 'applied' | 'failed';
  reason?: ApplyFailure;
  /** What was looked for and not found: the unit, the words, the act. */
  detail?: string;
  /** The unit changed (for an added unit, its new id). */
  unitId?: string;
  unitLabel?: string;
  change?: UnitChange;
  /** The unit with the units under it before and after this instruction, one unit a line; null: none. */
  before: string | null;
  after: string | null;
}

export interface UnitMark {
  change: UnitChange;
  /** The instructions that changed it, in order. */
  by: string[];
  /** The unit's own text in the base act (null for an added unit). */
  before: string | null;
}

/** A unit the amendment takes out, and where it stood: in the consolidated view it is shown struck there. */
export interface RemovedUnit {
  clause: Clause;
  parentId: string | null;
  /** The sibling it followed in the base act (null: it was the first). */
  afterId: string | null;
  by: string;
}

/** One base act as it will read once the amendment law is in force. */
export interface ConsolidatedAct {
  key: string;
  title: string;
  /** As it will read: removed units out, new ones in, changed ones changed. */
  tree: ClauseTree;
  marks: Record<string, UnitMark>;
  removed: RemovedUnit[];
}

export interface ApplyOutcome {
  acts: ConsolidatedAct[];
  /** One per instruction, in the order printed. */
  results: InstructionResult[];
}
