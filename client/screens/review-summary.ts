import type { reviews } from '../../shared/contract';

/** A review as the list shows it: one row of GET /api/reviews. */
export interface ReviewSummary {
  id: string;
  title: string;
  status: string;
  deadline: string | null;
  members: number;
  /** Null for a committee reader, who gets no working data. */
  findings: number | null;
  /** How many times colleagues mentioned her in it (0 for a committee reader). */
  mentionsOfMe: number;
}

export function toSummary(review: reviews.ReviewListItem): ReviewSummary {
  return {
    id: review.id,
    title: review.title,
    status: review.status,
    deadline: review.deadline,
    members: review.members,
    findings: review.counts?.findings ?? null,
    mentionsOfMe: review.mentionsOfMe ?? 0,
  };
}

export function summariesFrom(answer: reviews.ReviewListResponse): ReviewSummary[] {
  return answer.reviews.map(toSummary);
}
