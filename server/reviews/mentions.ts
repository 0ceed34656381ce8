import { mentionsInModel, type Mentionable, type MentionRecord } from '../../shared/mentions';
import type { ReviewModel } from '../../shared/review-model';
import type { Db } from '../storage/db';
import { listMembers } from './members';
import { getReview } from './store';

/**
 * The people of a review who can be mentioned: its member experts and the secretary who made it,
 * by the names the app shows. Naming anyone else after @ mentions nobody (shared/mentions.ts).
 */
export function mentionable(db: Db, reviewId: string): Mentionable[] {
  const people: Mentionable[] = listMembers(db, reviewId).map((m) => ({ id: m.id, name: m.name }));
  const creator = getReview(db, reviewId)?.createdBy;
  if (creator && !people.some((p) => p.id === creator)) {
    const row = db.prepare('SELECT name FROM users WHERE id = ?').get(creator) as { name: string } | undefined;
    if (row) people.push({ id: creator, name: row.name });
  }
  return people;
}

/**
 * The review's mentions, from the table when they were read at the current change number (as the
 * counts are, finding-counts.ts) and for the same people, else read from the model and stored. The
 * change number is read first: a change that lands meanwhile leaves them stale, never wrong. Who can
 * be mentioned changes without any doc changing (a member added, removed or renamed), so the people
 * they were read for are kept with them.
 */
export async function currentMentions(db: Db, reviewId: string, model: () => Promise<ReviewModel>): Promise<MentionRecord[]> {
  const people = mentionable(db, reviewId);
  const key = JSON.stringify(people.map((p) => [p.id, p.name]).sort());
  const changes = (db.prepare('SELECT changes FROM review_counts WHERE review_id = ?').get(reviewId) as { changes: number } | undefined)?.changes ?? 0;
  const row = db.prepare('SELECT counted_at, mentions FROM review_mentions WHERE review_id = ?').get(reviewId) as { counted_at: number; mentions: string } | undefined;
  if (row && row.counted_at === changes) {
    const stored = JSON.parse(row.mentions) as { people: string; found: MentionRecord[] };
    if (stored.people === key) return stored.found;
  }
  const found = mentionsInModel(await model(), people);
  db.prepare(
    `INSERT INTO review_mentions (review_id, counted_at, mentions) VALUES (?, ?, ?)
     ON CONFLICT (review_id) DO UPDATE SET counted_at = excluded.counted_at, mentions = excluded.mentions`,
  ).run(reviewId, changes, JSON.stringify({ people: key, found }));
  return found;
}
