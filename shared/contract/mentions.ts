import { z } from 'zod';
import { route } from './route';

/**
 * The caller's own @mentions (server/reviews/mentions-routes.ts): who mentioned her, in which review,
 * on which card, when, with the words around it. Only her own: nobody reads another's mentions.
 */
export const MentionItem = z.object({
  reviewId: z.string(),
  reviewTitle: z.string(),
  /** The finding or comment card it is on, and the record whose text mentions her. */
  cardId: z.string(),
  sourceId: z.string(),
  sourceKind: z.enum(['finding', 'comment', 'reply']),
  authorId: z.string(),
  authorName: z.string(),
  /** When it was written (0 for a finding, whose time the model does not keep). */
  at: z.number(),
  excerpt: z.string(),
});
export type MentionItem = z.infer<typeof MentionItem>;

export const MentionsResponse = z.object({ mentions: z.array(MentionItem) });
export type MentionsResponse = z.infer<typeof MentionsResponse>;

export const listMentions = route({
  method: 'GET',
  path: '/api/mentions',
  summary: "the caller's own @mentions in the reviews she works on",
  response: MentionsResponse,
});
