import type { AppContext } from '../context';
import { conclusionIssuedMail, inAllLanguages, mentionMail } from './messages';

/**
 * Notifications by e-mail (when mail is configured): a conclusion issued to a committee goes to that
 * committee's active readers; a mention goes to the people mentioned. Links start with
 * TENDIK_PUBLIC_URL, which the settings require together with the SMTP server.
 */
export function publicLink(ctx: Pick<AppContext, 'config'>, pathAndHash: string): string {
  return `${ctx.config.publicUrl ?? ''}${pathAndHash}`;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
}

export function notifyConclusionIssued(ctx: AppContext, review: { id: string; title: string; committee: string | null }): number {
  if (!ctx.mail.enabled || !review.committee) return 0;
  const readers = ctx.db
    .prepare("SELECT id, email, name FROM users WHERE role = 'reader' AND committee = ? AND disabled = 0")
    .all(review.committee) as Recipient[];
  const link = publicLink(ctx, `/#/reviews/${encodeURIComponent(review.id)}/conclusion`);
  for (const reader of readers)
    ctx.mail.send({ to: reader.email, kind: 'conclusion-issued', ...inAllLanguages(conclusionIssuedMail({ name: reader.name, title: review.title, link })) });
  return readers.length;
}

/**
 * Mails the people an author's new texts mention (found by mention-mail.ts with issue 17's
 * shared/mentions.ts). Only the review's member experts and secretaries with an active account are
 * mailed, never the author herself.
 */
export function notifyMentions(ctx: AppContext, input: { reviewId: string; authorId: string; mentionedUserIds: readonly string[] }): number {
  if (!ctx.mail.enabled) return 0;
  const review = ctx.db.prepare('SELECT id, title FROM reviews WHERE id = ?').get(input.reviewId) as { id: string; title: string } | undefined;
  const author = ctx.db.prepare('SELECT name FROM users WHERE id = ?').get(input.authorId) as { name: string } | undefined;
  if (!review || !author) return 0;
  const link = publicLink(ctx, `/#/reviews/${encodeURIComponent(review.id)}`);
  let sent = 0;
  for (const id of new Set(input.mentionedUserIds)) {
    if (id === input.authorId) continue;
    const person = ctx.db
      .prepare(
        `SELECT u.id, u.email, u.name FROM users u WHERE u.id = ? AND u.disabled = 0
           AND (u.role = 'secretary' OR EXISTS (SELECT 1 FROM review_members m WHERE m.review_id = ? AND m.user_id = u.id))`,
      )
      .get(id, review.id) as Recipient | undefined;
    if (!person) continue;
    ctx.mail.send({ to: person.email, kind: 'mention', ...inAllLanguages(mentionMail({ name: person.name, author: author.name, title: review.title, link })) });
    sent++;
  }
  return sent;
}
