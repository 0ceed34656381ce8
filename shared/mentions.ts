/**
 * @mentions of a review's members in findings, comments and replies (issue 17). A mention is `@`
 * followed by a member's name as the app shows it («@Бермет Асанова»), at the start of the text or
 * after a space or punctuation, and not followed by a letter or digit. Names are matched without
 * regard to case, the longest first, so «@Айгуль Н» is not read as «@Айгуль» when both are members.
 * Only the people passed in can be mentioned: the server passes the review's members, so naming
 * anyone else mentions nobody. Pure: the server (review list, mentions list), the browser and the
 * e-mail notifications read mentions with the same function.
 */

export interface Mentionable {
  id: string;
  name: string;
}

export interface Mention {
  userId: string;
  /** Offsets of the whole mention, `@` included, in the text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;

export function parseMentions(text: string, people: readonly Mentionable[]): Mention[] {
  if (!text.includes('@')) return [];
  const candidates = people
    .map((p) => ({ id: p.id, name: p.name.trim(), folded: p.name.trim().toLocaleLowerCase() }))
    .filter((p) => p.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const folded = text.toLocaleLowerCase();
  const out: Mention[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue; // an e-mail address, not a mention
    const match = candidates.find((p) => folded.startsWith(p.folded, at + 1) && !WORD.test(text[at + 1 + p.name.length] ?? ''));
    if (!match) continue;
    out.push({ userId: match.id, start: at, end: at + 1 + match.name.length });
    at += match.name.length;
  }
  return out;
}

/** The people a text mentions, each once, in the order first mentioned. */
export function mentionedIds(text: string, people: readonly Mentionable[]): string[] {
  return [...new Set(parseMentions(text, people).map((m) => m.userId))];
}

/** One mention of a person as the lists show it: who mentioned her, where, and when. */
export interface MentionRecord {
  /** The finding, comment or reply whose text mentions her. */
  sourceId: string;
  sourceKind: 'finding' | 'comment' | 'reply';
  /** The card it is on: the finding or comment itself, or the one the reply answers. */
  cardId: string;
  authorId: string;
  userId: string;
  at: number;
  /** The text around the mention, for the list (at most 200 characters). */
  excerpt: string;
}

interface TextSource {
  id: string;
  kind: 'finding' | 'comment' | 'reply';
  cardId: string;
  authorId: string | null;
  body: string;
  at: number;
  deleted?: boolean;
}

/** Sources of mentions in a review model's shape: its findings and comments, and their replies. */
export interface MentionSourceModel {
  findings: ReadonlyArray<{ id: string; origin: string; authorId: string | null; explanation: unknown; replies: ReadonlyArray<{ id: string; authorId: string; body: string; createdAt: number; deletedAt?: number }> ; editedAt?: number }>;
  comments: ReadonlyArray<{ id: string; kind: string; authorId: string; body: string; createdAt: number; replies: ReadonlyArray<{ id: string; authorId: string; body: string; createdAt: number; deletedAt?: number }> }>;
}

function excerpt(text: string, mention: Mention): string {
  const from = Math.max(0, mention.start - 80);
  const to = Math.min(text.length, mention.end + 100);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * Every mention of a member in a review, by source: experts' findings (the engine mentions nobody),
 * comments and replies not deleted. A person mentioning herself is no mention.
 */
export function mentionsInModel(model: MentionSourceModel, people: readonly Mentionable[]): MentionRecord[] {
  const sources: TextSource[] = [];
  for (const f of model.findings) {
    if (f.origin === 'expert' && f.authorId && typeof f.explanation === 'string') sources.push({ id: f.id, kind: 'finding', cardId: f.id, authorId: f.authorId, body: f.explanation, at: 0 });
    for (const r of f.replies) sources.push({ id: r.id, kind: 'reply', cardId: f.id, authorId: r.authorId, body: r.body, at: r.createdAt, deleted: r.deletedAt !== undefined });
  }
  for (const c of model.comments) {
    sources.push({ id: c.id, kind: c.kind === 'finding' ? 'finding' : 'comment', cardId: c.id, authorId: c.authorId, body: c.body, at: c.createdAt });
    for (const r of c.replies) sources.push({ id: r.id, kind: 'reply', cardId: c.id, authorId: r.authorId, body: r.body, at: r.createdAt, deleted: r.deletedAt !== undefined });
  }
  const out: MentionRecord[] = [];
  for (const s of sources) {
    if (s.deleted || !s.authorId) continue;
    const seen = new Set<string>();
    for (const m of parseMentions(s.body, people)) {
      if (m.userId === s.authorId || seen.has(m.userId)) continue;
      seen.add(m.userId);
      out.push({ sourceId: s.id, sourceKind: s.kind, cardId: s.cardId, authorId: s.authorId, userId: m.userId, at: s.at, excerpt: excerpt(s.body, m) });
    }
  }
  return out;
}
