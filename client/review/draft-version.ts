import type { TextAnchor } from '../../shared/review-model';

/**
 * Which version (reading) of the draft the workbench opens (issue 16, docs/versions.md): the one the
 * address names, else the latest — experts follow the draft. Offline, with no list of versions, the
 * last one opened here, else version 1. Pure but for the small memory kept in localStorage.
 */

export interface VersionChoiceInput {
  /** The version the address names (#/reviews/<id>/version/<n>); undefined: the latest. */
  requested: number | undefined;
  /** The review's version numbers as the server listed them; null when it could not be asked. */
  listed: readonly number[] | null;
  /** What this browser remembers of the review (recallVersions). */
  remembered: RememberedVersions | null;
}

export interface RememberedVersions {
  /** The latest version the server last listed. */
  latest: number;
  /** The version last opened here. */
  opened: number;
}

/** The version to open; a requested one the list does not hold falls back to the latest. */
export function chooseVersion({ requested, listed, remembered }: VersionChoiceInput): number {
  if (listed && listed.length) {
    const latest = Math.max(...listed);
    if (requested !== undefined) return listed.includes(requested) ? requested : latest;
    return latest;
  }
  if (listed) return 1; // a review whose versions list is empty has only its first import
  // Offline: the address, if it names one (its docs may be in the local copies), else the last opened.
  if (requested !== undefined) return requested;
  return remembered?.opened ?? 1;
}

/**
 * The version whose docs to open before the list arrives (so the draft's download overlaps the HTTP
 * requests): the requested one, else the latest this browser knows of, else 1 — right for every review
 * without later readings, and corrected (reopened) when the list says otherwise.
 */
export function guessVersion(requested: number | undefined, remembered: RememberedVersions | null): number {
  return requested ?? remembered?.latest ?? 1;
}

/** The address of a review at a version; the latest one keeps the plain address. */
export function versionHash(reviewId: string, version: number | undefined): string {
  return version === undefined ? `#/reviews/${reviewId}` : `#/reviews/${reviewId}/version/${version}`;
}

const KEY = (userId: string, reviewId: string) => `tendik.versions.${userId}.${reviewId}`;

export function recallVersions(userId: string, reviewId: string): RememberedVersions | null {
  try {
    const raw = localStorage.getItem(KEY(userId, reviewId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<RememberedVersions>;
    if (!Number.isInteger(parsed.latest) || !Number.isInteger(parsed.opened)) return null;
    return { latest: parsed.latest!, opened: parsed.opened! };
  } catch {
    return null; // storage off (private mode) or garbled: as if nothing were remembered
  }
}

export function rememberVersions(userId: string, reviewId: string, value: RememberedVersions): void {
  try {
    localStorage.setItem(KEY(userId, reviewId), JSON.stringify(value));
  } catch {
    // Storage full or off: the choice falls back to version 1 offline, nothing worse.
  }
}

/** When to ask the server again where earlier versions' annotations sit in this one. */
export interface PlacementFetchState {
  /** Annotations made on earlier versions that have no placement yet (pendingCarries). */
  pending: readonly string[];
  /** An annotation changed locally since the last answer. */
  localChange: boolean;
  /** A request is under way. */
  inFlight: boolean;
  /** When the last request started (ms), or null. */
  lastAt: number | null;
  /** The pending ids the last answers left pending, and how many answers in a row did. */
  stuck: { ids: string; times: number };
  now: number;
}

/** At most one request every two seconds. */
export const PLACEMENT_MIN_INTERVAL_MS = 2000;
/** Answers that left the same annotations pending before the client stops asking until something changes. */
export const PLACEMENT_MAX_STUCK = 5;

/**
 * 'now', 'later' (at lastAt + the interval) or 'no'. Pending annotations are asked for until the
 * server has carried them — but not for ever when it keeps not doing so (an old server, a failure):
 * after a few answers with the same ones pending it waits for a change.
 */
export function placementFetchDecision(s: PlacementFetchState): 'now' | 'later' | 'no' {
  if (s.inFlight) return 'no';
  const key = [...s.pending].sort().join(',');
  const wanted = s.localChange || (s.pending.length > 0 && !(s.stuck.ids === key && s.stuck.times >= PLACEMENT_MAX_STUCK));
  if (!wanted) return 'no';
  if (s.lastAt === null || s.now - s.lastAt >= PLACEMENT_MIN_INTERVAL_MS) return 'now';
  return 'later';
}

/**
 * An anchor made in the workbench on `version`: a later version's says so (its positions point into
 * `text:<n>`); version 1's stays as every anchor made before there were versions, without the field.
 */
export function anchorOnVersion(anchor: TextAnchor, version: number): TextAnchor {
  return version >= 2 ? { ...anchor, draftVersion: version } : anchor;
}
