import * as Y from 'yjs';

/**
 * The versions of the draft an update to an AUTHOR doc would anchor annotations in that the review does
 * not have (greater than `latest`): an annotation names the version it was made on (its anchor's
 * `draftVersion`), and one made on no version there is would wait, unseen, for a version to be added.
 * Her app only ever names the version open, which exists (versions are never removed), so this is
 * refused like the other records her app never writes.
 *
 * Records are written whole (one JSON value per map item), and only an annotation has an anchor: every
 * value of the update is looked at, first writes and replacements alike, wherever it goes.
 */
export function missingVersions(update: Uint8Array, latest: number): number[] {
  const missing = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    for (const value of struct.content.getContent()) {
      const version = (value as { anchor?: { draftVersion?: unknown } } | null)?.anchor?.draftVersion;
      if (typeof version === 'number' && version > latest) missing.add(version);
    }
  }
  return [...missing];
}
