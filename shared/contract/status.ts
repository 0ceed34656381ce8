import { z } from 'zod';
import { Committee } from './fields';
import { ReviewRecord } from './reviews';
import { route } from './route';

/**
 * A review's status (server/reviews/status-routes.ts). Issuing is what opens the conclusion to a
 * committee: status 'issued' plus the committee whose readers may read and download it.
 */

export const StatusBody = z.discriminatedUnion('status', [
  /** `reading`: the conclusion issued is the one on that later reading of the draft (issue 16); absent: the first. */
  z.object({ status: z.literal('issued'), committee: Committee, reading: z.number().int().min(2).max(1000).optional() }),
  z.object({ status: z.literal('in_review') }),
  z.object({ status: z.literal('archived') }),
]);
export type StatusBody = z.infer<typeof StatusBody>;

export const StatusResponse = z.object({ review: ReviewRecord });
export type StatusResponse = z.infer<typeof StatusResponse>;

export const setStatus = route({
  method: 'POST',
  path: '/api/reviews/:id/status',
  summary: "issue a review to a committee, take it back, archive it",
  body: StatusBody,
  response: StatusResponse,
});
