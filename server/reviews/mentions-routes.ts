import type express from 'express';
import { mentions as contract } from '../../shared/contract';
import type { MentionItem } from '../../shared/contract/mentions';
import { reviewPolicy } from '../auth/policies';
import { reviewNow } from '../versions/review-now';
import type { AppContext } from '../context';
import { sendJson } from '../http/send-json';
import { requireSession } from '../http/session';
import { currentMentions, mentionable } from './mentions';
import { listReviews } from './store';

/**
 * GET /api/mentions: where colleagues mentioned the caller (@name), newest first, in the reviews whose
 * working documents she reads. Only her own mentions, whoever asks: there is no parameter for whom.
 */
export function mountMentionRoutes(app: express.Express, ctx: AppContext): void {
  app.get('/api/mentions', async (req, res) => {
    const session = requireSession(req);
    const me = session.user.id;
    const out: MentionItem[] = [];
    for (const review of listReviews(ctx.db)) {
      if (!reviewPolicy(ctx.db, session.user, review.id)?.can('readWorkingDocs')) continue;
      const mine = (await currentMentions(ctx.db, review.id, () => reviewNow(ctx, review.id))).filter((m) => m.userId === me);
      if (mine.length === 0) continue;
      const names = new Map(mentionable(ctx.db, review.id).map((p) => [p.id, p.name]));
      for (const m of mine)
        out.push({ reviewId: review.id, reviewTitle: review.title, cardId: m.cardId, sourceId: m.sourceId, sourceKind: m.sourceKind, authorId: m.authorId, authorName: names.get(m.authorId) ?? '', at: m.at, excerpt: m.excerpt });
    }
    out.sort((a, b) => b.at - a.at);
    sendJson(res, contract.listMentions, { mentions: out });
  });
}
