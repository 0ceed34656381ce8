import { z } from 'zod';
import { RoleName } from './fields';
import { route } from './route';

/** Who works on a review, and the experts a secretary can choose from (server/reviews/members-routes.ts). */

export const AddMemberBody = z.object({ userId: z.string().min(1).max(64) });
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** A person on a review (or who could be put on one), by name. */
export const ReviewMember = z.object({ id: z.string(), name: z.string(), email: z.string(), role: RoleName });
export type ReviewMember = z.infer<typeof ReviewMember>;

/** Every change answers the members as they are now, so the list on screen never needs a second request. */
export const MembersResponse = z.object({ members: z.array(ReviewMember) });
export type MembersResponse = z.infer<typeof MembersResponse>;
export const ExpertsResponse = z.object({ experts: z.array(ReviewMember) });
export type ExpertsResponse = z.infer<typeof ExpertsResponse>;

export const listMembers = route({
  method: 'GET',
  path: '/api/reviews/:id/members',
  summary: 'the experts on a review',
  response: MembersResponse,
});
export const addMember = route({
  method: 'POST',
  path: '/api/reviews/:id/members',
  summary: 'put an expert on a review (201; 200 when she already was on it)',
  body: AddMemberBody,
  response: MembersResponse,
  successStatus: [200, 201],
});
export const removeMember = route({
  method: 'DELETE',
  path: '/api/reviews/:id/members/:userId',
  summary: 'take an expert off a review',
  response: MembersResponse,
});
export const listExperts = route({ method: 'GET', path: '/api/experts', summary: 'the active experts', response: ExpertsResponse });
