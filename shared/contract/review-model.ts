import { z } from 'zod';
import type { ReviewModel } from '../review-model';
import { I18nTextSchema } from './fields';

/**
 * The review model (shared/review-model.ts) as GET /api/reviews/:id/model sends it. The interfaces
 * there stay the definition the merge and the conclusion are written against; this schema follows
 * them, and the `satisfies` at the end fails to compile when the two part.
 */

const Severity = z.enum(['note', 'concern', 'violation']);
const Polarity = z.enum(['risk', 'positive']);
const TextQuote = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

const TextAnchor = z.object({
  clauseId: z.string(),
  start: z.string().optional(),
  end: z.string().optional(),
  quote: TextQuote,
  draftVersion: z.number().optional(),
});

const ResolvedAnchor = z.object({
  state: z.enum(['exact', 'reanchored', 'clause', 'orphaned']),
  clauseId: z.string(),
  start: z.number(),
  end: z.number(),
});

const CarriedPlacement = z.object({
  fromVersion: z.number(),
  state: z.enum(['placed', 'changed', 'orphaned', 'pending']),
  manual: z.boolean(),
  engineFindsAgain: z.boolean().optional(),
});

const ReplyVersion = z.object({ at: z.number(), body: z.string() });

const Reply = z.object({
  id: z.string(),
  targetId: z.string(),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.number(),
  editedAt: z.number().optional(),
  history: z.array(ReplyVersion).optional(),
  deletedAt: z.number().optional(),
});

const AnnotationVersion = z.object({
  at: z.number(),
  body: z.string(),
  criterionId: z.string().optional(),
  severity: Severity.optional(),
  polarity: Polarity.optional(),
  proposedWording: z.string().optional(),
});

const Verdict = z.object({
  targetId: z.string(),
  authorId: z.string(),
  decision: z.enum(['confirm', 'dismiss']),
  reason: z.string().optional(),
  wording: z.string().optional(),
  at: z.number(),
});

const FinalDecision = z.object({
  targetId: z.string(),
  decision: z.enum(['confirmed', 'dismissed']),
  wording: z.string().optional(),
  justification: z.string().optional(),
  at: z.number(),
});

/** Why the engine proposed a finding (issue 15): rule, words, confidence, context, the places listed. */
const FindingWhy = z.object({
  rule: z.string(),
  words: z.array(z.string()),
  confidence: z.enum(['high', 'medium', 'low']),
  context: z.enum(['heading', 'definition', 'scope', 'exception', 'prohibition', 'text']),
  occurrences: z.array(z.object({ clauseId: z.string(), label: z.string(), quote: z.string() })).optional(),
  lookedAt: z.array(z.object({ clauseId: z.string(), label: z.string() })).optional(),
});

/** An engine finding on what an amendment law makes of its base act (issue 20). */
const AmendmentEffect = z.object({
  source: z.enum(['result', 'removal']),
  actTitle: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  words: z.string(),
});

const MergedFinding = z.object({
  id: z.string(),
  origin: z.enum(['engine', 'expert']),
  authorId: z.string().nullable(),
  criterionId: z.string(),
  clauseId: z.string(),
  quote: TextQuote,
  severity: Severity,
  polarity: Polarity,
  explanation: z.union([z.string(), I18nTextSchema]),
  proposedWording: z.string().optional(),
  suggestedWording: I18nTextSchema.optional(),
  why: FindingWhy.optional(),
  detectorId: z.string().optional(),
  amendment: AmendmentEffect.optional(),
  verdicts: z.array(Verdict),
  replies: z.array(Reply),
  final: FinalDecision.optional(),
  status: z.enum(['open', 'resolved']),
  position: ResolvedAnchor.optional(),
  editedAt: z.number().optional(),
  history: z.array(AnnotationVersion).optional(),
  draftVersion: z.number().optional(),
  carried: CarriedPlacement.optional(),
});

const Comment = z.object({
  id: z.string(),
  kind: z.enum(['finding', 'comment']),
  authorId: z.string(),
  anchor: TextAnchor,
  criterionId: z.string().optional(),
  severity: Severity.optional(),
  polarity: Polarity.optional(),
  body: z.string(),
  proposedWording: z.string().optional(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.number(),
  updatedAt: z.number(),
  editedAt: z.number().optional(),
  history: z.array(AnnotationVersion).optional(),
  deletedAt: z.number().optional(),
  replies: z.array(Reply),
  position: ResolvedAnchor.optional(),
  carried: CarriedPlacement.optional(),
});

/** A finding or comment its author deleted (ReviewModel.deleted). */
const Deleted = Comment.extend({ deletedAt: z.number(), final: FinalDecision.optional() });

const ChecklistAnswer = z.object({
  criterionId: z.string(),
  questionId: z.string(),
  authorId: z.string(),
  value: z.enum(['yes', 'no', 'partly', 'na']),
  note: z.string().optional(),
  at: z.number(),
});

const ConclusionFields = z
  .object({
    addressee: z.object({ committee: z.string(), chair: z.string() }),
    outgoingNumber: z.string(),
    outgoingDate: z.string(),
    basis: z.string(),
    draftTitle: z.string(),
    initiator: z.string(),
    registrationNumber: z.string(),
    reading: z.string(),
    experts: z.array(z.object({ name: z.string(), affiliation: z.string().optional() })),
    periodFrom: z.string(),
    periodTo: z.string(),
    summary: z.string(),
    genderRelevance: z.string(),
    criteriaAnalysis: z.record(z.string(), z.string()),
    verdict: z.enum(['complies', 'complies_with_recommendations', 'does_not_comply']).nullable(),
    recommendations: z.string(),
    signatories: z.array(z.object({ name: z.string(), position: z.string() })),
    annexes: z.array(z.string()),
    requestLetter: z.object({ number: z.string(), date: z.string() }),
    goodPractice: z.array(z.string()),
  })
  .partial();

const IgnoredRecord = z.object({
  authorId: z.string(),
  id: z.string(),
  reason: z.enum(['engine-id', 'other-author', 'legacy-id', 'malformed']),
});

export const ReviewModelSchema = z.object({
  reviewId: z.string(),
  draftVersion: z.number().optional(),
  versionAnalysed: z.boolean().optional(),
  findings: z.array(MergedFinding),
  comments: z.array(Comment),
  answers: z.array(ChecklistAnswer),
  conclusion: ConclusionFields,
  ignored: z.array(IgnoredRecord).optional(),
  deleted: z.array(Deleted).optional(),
});

// Checked both ways at compile time: what the merge produces is a valid answer, and what the client
// reads back is a ReviewModel.
type Expect<T extends true> = T;
export type ReviewModelSchemaMatches = [
  Expect<ReviewModel extends z.input<typeof ReviewModelSchema> ? true : false>,
  Expect<z.output<typeof ReviewModelSchema> extends ReviewModel ? true : false>,
];
