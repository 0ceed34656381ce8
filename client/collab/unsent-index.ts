/**
 * Per person, how many changes each review she opened in this browser still has to send: what the
 * sign-out warning reads, since the reviews themselves are not open then. Kept in localStorage (a
 * few numbers, no content); the changes themselves are in the reviews' local copies.
 */
const KEY = (userId: string) => `tendik:unsent:${userId}`;

function read(userId: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY(userId)) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function rememberUnsent(userId: string, reviewId: string, count: number): void {
  if (typeof localStorage === 'undefined') return;
  const all = read(userId);
  if (count > 0) all[reviewId] = count;
  else delete all[reviewId];
  try {
    if (Object.keys(all).length) localStorage.setItem(KEY(userId), JSON.stringify(all));
    else localStorage.removeItem(KEY(userId));
  } catch {
    // A full or disabled storage only loses the warning, never the work.
  }
}

/** Her unsent changes over every review, as last counted. */
export function totalUnsent(userId: string): number {
  if (typeof localStorage === 'undefined') return 0;
  return Object.values(read(userId)).reduce((n, c) => n + (typeof c === 'number' && c > 0 ? c : 0), 0);
}

export function forgetUnsent(userId: string): void {
  if (typeof localStorage !== 'undefined') localStorage.removeItem(KEY(userId));
}
