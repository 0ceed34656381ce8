/** Where in the checklist data a problem is: the path of keys and indexes from the document root. */
export type DataPath = ReadonlyArray<string | number>;

/**
 * A problem found while compiling a checklist. Shared code knows paths, not files: the server's
 * loader turns the path into file, line and column, and the code into a coded ru/ky/en error.
 */
export interface ChecklistProblem {
  code: ChecklistProblemCode;
  path: DataPath;
  params: Record<string, string | number>;
}

export type ChecklistProblemCode =
  | 'CHECKLIST_DUPLICATE_ID'
  | 'CHECKLIST_UNKNOWN_SOURCE'
  | 'CHECKLIST_UNKNOWN_CRITERION'
  | 'CHECKLIST_UNKNOWN_WORD'
  | 'CHECKLIST_BAD_TERM'
  | 'CHECKLIST_BAD_NEAR'
  | 'CHECKLIST_PREFIX_TOO_SHORT'
  | 'CHECKLIST_TOO_DEEP'
  | 'CHECKLIST_EMPTY_DETECTOR'
  | 'CHECKLIST_NO_MORPHOLOGY'
  | 'CHECKLIST_EXAMPLE_NOT_FLAGGED'
  | 'CHECKLIST_EXAMPLE_FLAGGED';
