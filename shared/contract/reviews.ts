import { z } from 'zod';
import { ACT_KINDS, CLAUSE_KINDS } from '../clause';
import { LangCode } from './fields';
import { ReviewModelSchema } from './review-model';
import { route } from './route';

/** Reviews as the rest of the system reads them (server/reviews/routes.ts). */

export const REVIEW_STATUSES = ['in_review', 'issued', 'archived'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);

/** A review as stored (server/reviews/store.ts): what the import, the status change and the cards send. */
export const ReviewRecord = z.object({
  id: z.string(),
  title: z.string(),
  status: ReviewStatus,
  language: z.string(),
  actKind: z.string(),
  sourceName: z.string(),
  deadline: z.string().nullable(),
  committee: z.string().nullable(),
  checklistId: z.string().nullable(),
  checklistVersion: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.number(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/** Who the caller is to the review (server/auth/access.ts). */
export const ReviewAccess = z.enum(['secretary', 'expert', 'reader']);

/** A review on the list: the record, the caller's access and how many experts work on it. */
export const ReviewListItem = ReviewRecord.extend({
  access: ReviewAccess,
  /** The number of member experts. */
  members: z.number(),
  /** Working data: present for the secretary and member experts only, never for a committee reader. */
  counts: z.object({ findings: z.number(), confirmed: z.number(), comments: z.number() }).optional(),
  /** How many times colleagues mentioned the caller in it (@name): hers only, with the working data. */
  mentionsOfMe: z.number().optional(),
});
export type ReviewListItem = z.infer<typeof ReviewListItem>;

/** One review's card: the list item, plus its members' ids for those who read the working documents. */
export const ReviewCard = ReviewListItem.extend({ memberIds: z.array(z.string()).optional() });
export type ReviewCard = z.infer<typeof ReviewCard>;

export const ReviewListResponse = z.object({ reviews: z.array(ReviewListItem) });
export type ReviewListResponse = z.infer<typeof ReviewListResponse>;
export const ReviewCardResponse = z.object({ review: ReviewCard });
export type ReviewCardResponse = z.infer<typeof ReviewCardResponse>;

/** The clause tree without its words: what a navigator or a clause picker needs. */
export interface ClauseOutlineNode {
  id: string;
  kind: (typeof CLAUSE_KINDS)[number];
  number: string | null;
  label: string;
  title: string | null;
  children: ClauseOutlineNode[];
}
export const ClauseOutlineNode: z.ZodType<ClauseOutlineNode, ClauseOutlineNode> = z.object({
  id: z.string(),
  kind: z.enum(CLAUSE_KINDS),
  number: z.string().nullable(),
  label: z.string(),
  title: z.string().nullable(),
  get children() {
    return z.array(ClauseOutlineNode);
  },
});

/** The act's metadata as the import read it (shared/clause.ts ActMeta). */
export const ActMetaSchema = z.object({
  language: LangCode,
  actKind: z.enum(ACT_KINDS),
  title: z.string().nullable(),
  date: z.string().nullable(),
  number: z.string().nullable(),
  isDraft: z.boolean(),
  amendedActs: z.array(z.string()).optional(),
});

/** `meta` is null (and `clauses` empty) for a review without a stored import. */
export const OutlineResponse = z.object({ meta: ActMetaSchema.nullable(), clauses: z.array(ClauseOutlineNode) });
export type OutlineResponse = z.infer<typeof OutlineResponse>;

export const listReviews = route({
  method: 'GET',
  path: '/api/reviews',
  summary: 'the reviews the caller may see',
  response: ReviewListResponse,
});
export const getReview = route({ method: 'GET', path: '/api/reviews/:id', summary: "one review's card", response: ReviewCardResponse });
export const getOutline = route({
  method: 'GET',
  path: '/api/reviews/:id/outline',
  summary: "the draft's clause outline",
  response: OutlineResponse,
});
export const getModel = route({
  method: 'GET',
  path: '/api/reviews/:id/model',
  /** `version`: the review as it stands on that version of the draft (issue 16); absent: version 1. */
  query: z.object({ version: z.coerce.number().int().min(1).max(9999).optional() }),
  summary: 'the merged review model (findings, comments, answers, conclusion fields), of version 1 or of a later version',
  response: ReviewModelSchema,
});

/** A review's new title, typed by the secretary (the import's act title is the first). */
export const RenameBody = z.object({ title: z.string().trim().min(1).max(300) });
export type RenameBody = z.infer<typeof RenameBody>;

export const renameReview = route({
  method: 'PATCH',
  path: '/api/reviews/:id',
  summary: "change the review's title",
  body: RenameBody,
  response: z.object({ review: ReviewRecord }),
});
