/** Screens are addressed by the URL hash, so the server needs no knowledge of client routes. */
export type Route =
  | { name: 'list' }
  | { name: 'upload' }
  | { name: 'account' }
  | {
      name: 'review';
      id: string;
      /** A clause to show first (an import warning's place). */
      clause?: string;
      /** The version (reading) of the draft to work on (issue 16); absent: the latest. */
      version?: number;
    }
  | { name: 'conclusion'; id: string }
  | { name: 'versions'; id: string; /** The version whose placements (and orphans) to show; absent: the latest. */ to?: number }
  | { name: 'reading'; id: string; seq: number }
  | { name: 'recommendations' }
  | { name: 'checklistStats' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const review = /^\/reviews\/([0-9a-f-]{36})(\/conclusion|\/versions)?$/i.exec(path);
  if (review) return { name: review[2] === '/conclusion' ? 'conclusion' : review[2] === '/versions' ? 'versions' : 'review', id: review[1]! };
  const versionsAt = /^\/reviews\/([0-9a-f-]{36})\/versions\/(\d{1,4})$/i.exec(path);
  if (versionsAt && Number(versionsAt[2]) >= 2) return { name: 'versions', id: versionsAt[1]!, to: Number(versionsAt[2]) };
  const reading = /^\/reviews\/([0-9a-f-]{36})\/readings\/(\d{1,4})$/i.exec(path);
  if (reading && Number(reading[2]) >= 2) return { name: 'reading', id: reading[1]!, seq: Number(reading[2]) };
  const at = /^\/reviews\/([0-9a-f-]{36})(?:\/version\/(\d{1,4}))?(?:\/clause\/([^/]+))?$/i.exec(path);
  if (at && (at[2] !== undefined || at[3] !== undefined) && (at[2] === undefined || Number(at[2]) >= 1))
    return { name: 'review', id: at[1]!, ...(at[3] !== undefined ? { clause: safeDecode(at[3]) } : {}), ...(at[2] !== undefined ? { version: Number(at[2]) } : {}) };
  if (path === '/recommendations') return { name: 'recommendations' };
  if (path === '/checklist-stats') return { name: 'checklistStats' };
  if (path === '/new') return { name: 'upload' };
  if (path === '/account') return { name: 'account' };
  return { name: 'list' };
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/**
 * The link to a clause of a review's draft: the review opens with that clause shown, in the given
 * version (a clause id belongs to one version's text); without one, in the latest.
 */
export function clauseHash(reviewId: string, clauseId: string, version?: number): string {
  return `#/reviews/${reviewId}${version === undefined ? '' : `/version/${version}`}/clause/${encodeURIComponent(clauseId)}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
