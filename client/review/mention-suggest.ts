import type { Mentionable } from '../../shared/mentions';

/** What she is typing after an `@`, and the people it may name. */
export interface MentionQuery {
  /** Offset of the `@` in the text. */
  at: number;
  /** The words typed after it, up to the caret. */
  query: string;
  people: Mentionable[];
}

const WORD = /[\p{L}\p{N}_]/u;
/** Longer than any name: past this she is writing a sentence, not a name. */
const MAX_QUERY = 40;
const MAX_SHOWN = 6;

/**
 * The people to offer while she types `@…` before the caret: those whose name, or a word of it,
 * begins with what she typed (case ignored), at most six, names starting with it first. The `@` must
 * start the text or follow a space or punctuation, as shared/mentions.ts reads a mention; an e-mail
 * address offers nobody. A query that already is a whole name followed by more text offers nobody.
 */
export function mentionQuery(text: string, caret: number, people: readonly Mentionable[]): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && WORD.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || /^\s/.test(query)) return null;
  const folded = query.toLocaleLowerCase();
  const scored: Array<{ person: Mentionable; rank: number }> = [];
  for (const person of people) {
    const name = person.name.trim();
    if (!name) continue;
    const lower = name.toLocaleLowerCase();
    if (lower.startsWith(folded)) scored.push({ person, rank: 0 });
    else if (lower.split(/\s+/).some((word) => word.startsWith(folded))) scored.push({ person, rank: 1 });
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name));
  return { at, query, people: scored.slice(0, MAX_SHOWN).map((s) => s.person) };
}

/** The text with the typed `@query` replaced by the whole name and a space, and where the caret goes. */
export function insertMention(text: string, caret: number, at: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at) + inserted + after, caret: at + inserted.length };
}
