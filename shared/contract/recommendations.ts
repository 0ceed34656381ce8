import { z } from 'zod';
import { ADOPTION_STATUSES } from '../readings/adoption-status';
import { fileRoute, route } from './route';

/**
 * Recommendations across readings (issue 16, server/recommendations/): the status of each of the
 * Alliance's recommendations in a later reading of the draft — pre-filled by the adoption detector
 * (shared/readings/adoption-status.ts), confirmed or corrected by the secretary — and the
 * Alliance-wide figures over all reviews.
 */

export const AdoptionStatusSchema = z.enum(ADOPTION_STATUSES);
export const ReadingSeq = z.coerce.number().int().min(2).max(1000);

const DiffPart = z.object({ op: z.enum(['same', 'del', 'ins']), text: z.string() });

export const RecommendationStatus = z.object({
  findingId: z.string(),
  criterionId: z.string(),
  /** The clause the recommendation was made on, and its label there. */
  clauseId: z.string(),
  clauseLabel: z.string(),
  /** The aligned clause in the reading (null: deleted). */
  newClauseId: z.string().nullable(),
  criticised: z.string(),
  drafted: z.string(),
  proposed: z.string(),
  /** What the detector says. */
  detected: AdoptionStatusSchema,
  /** What the secretary confirmed or corrected; null until she does. */
  status: AdoptionStatusSchema.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
  evidence: z.object({
    newText: z.string().nullable(),
    diff: z.array(DiffPart),
    removed: z.array(z.object({ word: z.string(), gone: z.boolean() })),
    added: z.array(z.object({ word: z.string(), present: z.boolean() })),
    score: z.number().nullable(),
  }),
});
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

export const listRecommendationStatuses = route({
  method: 'GET',
  path: '/api/reviews/:id/readings/:seq/recommendations',
  summary: "each recommendation's status in a later reading, pre-filled by the detector, with its evidence",
  response: z.object({ seq: z.number(), recommendations: z.array(RecommendationStatus) }),
});

export const DecideStatusBody = z.object({ status: AdoptionStatusSchema });

export const decideRecommendationStatus = route({
  method: 'POST',
  path: '/api/reviews/:id/readings/:seq/recommendations/:findingId',
  summary: "the secretary confirms or corrects a recommendation's status in a reading",
  body: DecideStatusBody,
  response: z.object({ recommendation: RecommendationStatus }),
});

export const StatsQuery = z.object({ lang: z.string().max(8).optional() });

export const StatsRow = z.object({
  /** Committee code, criterion id or year; '' for the reviews without a committee. */
  key: z.string(),
  label: z.string(),
  made: z.number(),
  adopted: z.number(),
  partly: z.number(),
  notAdopted: z.number(),
  notApplicable: z.number(),
  /** Made, but no later reading has a confirmed status for it yet. */
  noStatus: z.number(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const RecommendationStats = z.object({
  reviews: z.number(),
  total: StatsRow,
  byCommittee: z.array(StatsRow),
  byCriterion: z.array(StatsRow),
  byYear: z.array(StatsRow),
});
export type RecommendationStats = z.infer<typeof RecommendationStats>;

export const recommendationStats = route({
  method: 'GET',
  path: '/api/recommendations/stats',
  summary: 'the Alliance-wide figures: recommendations made, adopted, not adopted — by committee, criterion and year',
  query: StatsQuery,
  response: RecommendationStats,
});

export const recommendationStatsCsv = fileRoute({
  method: 'GET',
  path: '/api/recommendations/stats.csv',
  summary: 'the Alliance-wide figures as CSV',
  query: StatsQuery,
  produces: 'text/csv',
});
