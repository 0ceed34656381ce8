import type { AppContext } from '../context';
import { currentMentions } from '../reviews/mentions';
import type { Logger } from '../ops/logger';
import { notifyMentions } from './notify';

/**
 * Mails the people a finding, comment or reply newly mentions (issue 17's @mentions,
 * shared/mentions.ts read by server/reviews/mentions.ts). Every few seconds it looks at which
 * reviews' findings docs changed since its last look (review_counts.changes, bumped on every stored
 * change), reads their mentions — the same cached list the review list shows — and mails each
 * (source, person) pair once, remembered in mention_mail_state (migration 015). The first look at a
 * review only remembers what is there: mentions written before mail was configured (or before an
 * upgrade) are not mailed all at once. Nothing runs when mail is off.
 */
export interface MentionMailer {
  /** One look now (the schedule's own; tests call it): resolves with the number of mails queued. */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

export const MENTION_MAIL_INTERVAL_MS = 10_000;

interface State {
  changes: number;
  notified: Set<string>;
}

export function startMentionMailer(ctx: AppContext, log: Logger, intervalMs = MENTION_MAIL_INTERVAL_MS): MentionMailer {
  const mlog = log.child({ part: 'mail' });
  let running: Promise<number> | null = null;
  let stopped = false;

  const readState = (reviewId: string): State | null => {
    const row = ctx.db.prepare('SELECT changes, notified FROM mention_mail_state WHERE review_id = ?').get(reviewId) as { changes: number; notified: string } | undefined;
    return row ? { changes: row.changes, notified: new Set(JSON.parse(row.notified) as string[]) } : null;
  };
  const writeState = (reviewId: string, state: State) =>
    ctx.db
      .prepare(
        `INSERT INTO mention_mail_state (review_id, changes, notified) VALUES (?, ?, ?)
         ON CONFLICT (review_id) DO UPDATE SET changes = excluded.changes, notified = excluded.notified`,
      )
      .run(reviewId, state.changes, JSON.stringify([...state.notified]));

  const look = async (): Promise<number> => {
    if (!ctx.mail.enabled) return 0;
    const changed = ctx.db
      .prepare(
        `SELECT c.review_id AS reviewId, c.changes AS changes FROM review_counts c
           LEFT JOIN mention_mail_state s ON s.review_id = c.review_id
          WHERE s.review_id IS NULL OR s.changes <> c.changes`,
      )
      .all() as Array<{ reviewId: string; changes: number }>;
    let queued = 0;
    for (const { reviewId, changes } of changed) {
      if (stopped) break;
      try {
        const before = readState(reviewId);
        const found = await currentMentions(ctx.db, reviewId, async () => ctx.reviewSource.model(ctx, reviewId));
        const pairs = new Map<string, { authorId: string; userId: string }>();
        for (const m of found) pairs.set(`${m.sourceId} ${m.userId}`, { authorId: m.authorId, userId: m.userId });
        if (before) {
          // Grouped by author: one mail per person mentioned, however many of her texts name them.
          const fresh = [...pairs].filter(([key]) => !before.notified.has(key)).map(([, v]) => v);
          const byAuthor = new Map<string, string[]>();
          for (const p of fresh) byAuthor.set(p.authorId, [...(byAuthor.get(p.authorId) ?? []), p.userId]);
          for (const [authorId, mentionedUserIds] of byAuthor) queued += notifyMentions(ctx, { reviewId, authorId, mentionedUserIds });
        }
        writeState(reviewId, { changes, notified: new Set([...(before?.notified ?? []), ...pairs.keys()]) });
      } catch (err) {
        // A review that cannot be read now (deleted meanwhile) is looked at again next time.
        mlog.warn('mention mails skipped', { reviewId, err });
      }
    }
    return queued;
  };

  const runNow = (): Promise<number> => {
    running ??= look().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void runNow().catch(() => undefined), intervalMs);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
