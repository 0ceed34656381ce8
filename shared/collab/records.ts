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
  /** The version of the draft whose TEXT doc the positions point into (issue 16); absent: version 1. */
  draftVersion: z.number().int().min(1).max(9999).optional(),
});

/**
 * How many earlier versions a record keeps (author-doc.ts trims beyond it, keeping the first). The
 * schema takes more, so a record written by a client with a larger limit still validates.
 */
export const HISTORY_LIMIT = 50;
const HISTORY_MAX = 200;

/**
 * An earlier version of an annotation, as it stood from `at` until the next edit. Who wrote it is the
 * doc's owner, like the record itself: a version needs no author of its own.
 */
export const AnnotationVersionRecord = z.object({
  at: z.number(),
  body: text(50_000),
  criterionId: text(200).optional(),
  severity: severity.optional(),
  polarity: polarity.optional(),
  proposedWording: text(50_000).optional(),
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
  // Added by issue 17, all optional: records written before still validate.
  /** When the content (body, criterion, severity, polarity, wording) was last edited. */
  editedAt: z.number().optional(),
  /** The versions the edits replaced, oldest first. */
  history: z.array(AnnotationVersionRecord).max(HISTORY_MAX).optional(),
  /** A tombstone: deleted by its author then, kept (with its text) for the secretary. */
  deletedAt: z.number().optional(),
});

/** An earlier version of a reply. */
export const ReplyVersionRecord = z.object({ at: z.number(), body: text(50_000) });

export const ReplyRecord = z.object({
  id: text(64),
  targetId: text(200),
  body: text(50_000),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  history: z.array(ReplyVersionRecord).max(HISTORY_MAX).optional(),
  deletedAt: z.number().optional(),
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
export type AnnotationVersionRecord = z.infer<typeof AnnotationVersionRecord>;
export type ReplyVersionRecord = z.infer<typeof ReplyVersionRecord>;
export type ReplyRecord = z.infer<typeof ReplyRecord>;
export type VerdictRecord = z.infer<typeof VerdictRecord>;
export type AnswerRecord = z.infer<typeof AnswerRecord>;
export type DecisionRecord = z.infer<typeof DecisionRecord>;
export type ConclusionFieldRecord = z.infer<typeof ConclusionFieldRecord>;
