import { z } from 'zod';
import { CLAUSE_KINDS } from '../clause';
import { LANGS } from '../i18n/lang';
import { APPLY_FAILURES } from '../amend/result';
import { route } from './route';

/**
 * Amendment laws in context (issue 20): the library of imported base acts, the base acts attached to a
 * review of an amendment law, and the amendment applied to them — every instruction's unit before and after,
 * and each base act as it will read (server/amend/, docs/amendments.md).
 */

export const BaseActSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** YYYY-MM-DD: the edition (as in force on) the imported text is. */
  editionDate: z.string().nullable(),
  /** Where the text comes from: «cbd.minjust.gov.kg», a URL, a gazette. */
  source: z.string().nullable(),
  sourceName: z.string(),
  language: z.enum(LANGS),
  articles: z.number(),
  createdAt: z.number(),
});
export type BaseActSummary = z.infer<typeof BaseActSummary>;

export const listBaseActs = route({
  method: 'GET',
  path: '/api/base-acts',
  summary: 'The library of imported base acts, newest first',
  response: z.object({ acts: z.array(BaseActSummary) }),
});

export const importBaseAct = route({
  method: 'POST',
  path: '/api/base-acts',
  upload: 'multipart',
  summary: 'The secretary imports a base act into the library (file, title, editionDate?, source?)',
  response: z.object({ act: BaseActSummary }),
  successStatus: [201],
});

export const AttachedBaseAct = z.object({ act: BaseActSummary, forTitle: z.string().nullable() });

export const ReviewBaseActs = z.object({
  /** The acts the amendment law names (its title and its instructions), each once. */
  needed: z.array(z.string()),
  attached: z.array(AttachedBaseAct),
});
export type ReviewBaseActs = z.infer<typeof ReviewBaseActs>;

export const reviewBaseActs = route({
  method: 'GET',
  path: '/api/reviews/:id/base-acts',
  summary: 'The acts the amendment law needs and the base acts attached to the review',
  response: ReviewBaseActs,
});

export const attachBaseAct = route({
  method: 'POST',
  path: '/api/reviews/:id/base-acts',
  summary: 'The secretary attaches a base act of the library, optionally for the title an instruction names',
  body: z.object({ baseActId: z.string().min(1).max(64), forTitle: z.string().max(500).optional() }),
  response: ReviewBaseActs,
});

export const detachBaseAct = route({
  method: 'DELETE',
  path: '/api/reviews/:id/base-acts/:actId',
  summary: 'The secretary takes a base act off the review',
  response: ReviewBaseActs,
});

const Segment = z.object({ kind: z.enum(['same', 'del', 'ins']), text: z.string() });

export const AppliedInstruction = z.object({
  instructionId: z.string(),
  instructionLabel: z.string(),
  actTitle: z.string().optional(),
  actKey: z.string().optional(),
  status: z.enum(['applied', 'failed']),
  reason: z.enum(APPLY_FAILURES).optional(),
  detail: z.string().optional(),
  unitId: z.string().optional(),
  unitLabel: z.string().optional(),
  change: z.enum(['changed', 'added', 'removed', 'repealed']).optional(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Words struck and inserted, before → after. */
  diff: z.array(Segment),
});
export type AppliedInstruction = z.infer<typeof AppliedInstruction>;

export const ConsolidatedLineSchema = z.object({
  id: z.string(),
  kind: z.enum(CLAUSE_KINDS),
  label: z.string(),
  depth: z.number(),
  text: z.string(),
  change: z.enum(['changed', 'added', 'removed', 'repealed']).optional(),
  by: z.array(z.string()).optional(),
  before: z.string().optional(),
});

export const AmendmentFinding = z.object({
  /** On the norm as it will read (the checklist engine), or on what the law takes out (the removal rules). */
  source: z.enum(['result', 'removal']),
  /** The instruction that produced the line or struck the words: findings on the result anchor to it. */
  instructionId: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  criterionId: z.string(),
  detectorId: z.string(),
  quote: z.string(),
  explanation: z.object({ ru: z.string(), ky: z.string(), en: z.string() }),
});
export type AmendmentFinding = z.infer<typeof AmendmentFinding>;

export const amendments = route({
  method: 'GET',
  path: '/api/reviews/:id/amendments',
  summary: 'The amendment law applied to the attached base acts: each instruction before and after, each act as it will read',
  response: z.object({
    needed: z.array(z.string()),
    instructions: z.array(AppliedInstruction),
    acts: z.array(z.object({ key: z.string(), title: z.string(), lines: z.array(ConsolidatedLineSchema) })),
    findings: z.array(AmendmentFinding),
  }),
});
export type AmendmentsAnswer = z.infer<typeof amendments.response>;
