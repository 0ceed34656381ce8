import * as Y from 'yjs';

/**
 * The versions of the draft an update to an AUTHOR doc anchors annotations in, above 1 (an annotation
 * names the version it was made on: its anchor's `draftVersion`). The caller refuses the update when one
 * of them is a version the review does not have: one made on no version there is would wait, unseen,
 * for a version to be added, and her app only ever names the version open, which exists (versions are
 * never removed). Most updates name none, so the review's versions are looked up only when one does.
 *
 * Records are written whole (one JSON value per map item), and only an annotation has an anchor: every
 * value of the update is looked at, first writes and replacements alike, wherever it goes.
 */
export function laterVersionsNamed(update: Uint8Array): number[] {
  const named = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    for (const value of struct.content.getContent()) {
      const version = (value as { anchor?: { draftVersion?: unknown } } | null)?.anchor?.draftVersion;
      if (typeof version === 'number' && version > 1) named.add(version);
    }
  }
  return [...named];
}
