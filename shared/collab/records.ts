import { z } from 'zod';

/**
 * Schemas of the records kept in an AUTHOR doc. The merge reads every entry through them: an author
 * writes only her own doc, but a modified client could still put junk there, and junk must never
 * reach the review model, the conclusion or another expert's screen.
 */

const text = (max: number) => z.string().max(max);
const severity = z.enum(['note', 'concern', 'violation']);
const polarity = z.enum(['risk', 'positive']);

export const TextQuoteRecord = z.object({ exact: text(20_000), prefix: text(200), suffix: text(200) });

export const TextAnchorRecord = z.object({
  clauseId: text(200),
  start: text(200).optional(),
  end: text(200).optional(),
  quote: TextQuoteRecord,
});

export const AnnotationRecord = z.object({
  /** `<authorId>:<uuid>` (record-ids.ts); checked against the doc's owner by the merge. */
  id: text(100),
  kind: z.enum(['finding', 'comment']),
  anchor: TextAnchorRecord,
  criterionId: text(200).optional(),
  severity: severity.optional(),
  polarity: polarity.optional(),
  body: text(50_000),
  proposedWording: text(50_000).optional(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const ReplyRecord = z.object({
  id: text(64),
  targetId: text(200),
  body: text(50_000),
  createdAt: z.number(),
});

export const VerdictRecord = z.object({
  targetId: text(200),
  decision: z.enum(['confirm', 'dismiss']),
  reason: text(50_000).optional(),
  wording: text(50_000).optional(),
  at: z.number(),
});

export const AnswerRecord = z.object({
  criterionId: text(200),
  questionId: text(200),
  value: z.enum(['yes', 'no', 'partly', 'na']),
  note: text(50_000).optional(),
  at: z.number(),
});

export const DecisionRecord = z.object({
  targetId: text(200),
  decision: z.enum(['confirmed', 'dismissed']),
  wording: text(50_000).optional(),
  justification: text(50_000).optional(),
  at: z.number(),
});

/** A conclusion field as stored: the value plus when it was set, so two secretaries merge by time. */
export const ConclusionFieldRecord = z.object({ value: z.unknown(), at: z.number() });

export type AnnotationRecord = z.infer<typeof AnnotationRecord>;
export type ReplyRecord = z.infer<typeof ReplyRecord>;
export type VerdictRecord = z.infer<typeof VerdictRecord>;
export type AnswerRecord = z.infer<typeof AnswerRecord>;
export type DecisionRecord = z.infer<typeof DecisionRecord>;
export type ConclusionFieldRecord = z.infer<typeof ConclusionFieldRecord>;
