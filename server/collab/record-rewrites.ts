import * as Y from 'yjs';
import { AUTHOR_MAPS } from '../../shared/collab/author-doc';
import { rewriteProblem, type RewriteProblem } from '../../shared/collab/record-history';

type Guarded = 'annotations' | 'replies';
const GUARDED: readonly Guarded[] = ['annotations', 'replies'];

export interface Rewrite {
  map: Guarded;
  key: string;
  problem: RewriteProblem;
}

/**
 * The JSON value an item of an author map holds (records are written whole, ContentAny of one
 * value), or GONE for a version already replaced whose content the sender's doc has collected.
 */
const GONE = Symbol('gone');
function valueOf(item: Y.Item): unknown {
  return item.content instanceof Y.ContentDeleted ? GONE : item.content.getContent()[0];
}

interface Known {
  map: Guarded;
  key: string;
  value: unknown;
  /** The last version of this record whose value is known, and whether versions lie between. */
  checked: unknown;
  through: boolean;
}

/**
 * What an update to an AUTHOR doc would do to her annotations and replies that author-doc.ts never
 * does (record-history.ts `rewriteProblem`): remove one outright, undelete a tombstone, or edit one
 * without keeping the replaced version in its history. Read off the decoded update against the live
 * doc before anything is applied, like foreign-record-keys.ts.
 *
 * A later write to a map key carries no key: it names the item it replaces as its origin. So each new
 * item whose origin is one of the map's items (in the doc, or earlier in the same update: several
 * edits made offline) is a replacement of that record, checked against it; and a current record the
 * update deletes with nothing put in its place is an erasure.
 */
export function recordRewrites(update: Uint8Array, doc: Y.Doc): Rewrite[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const problems: Rewrite[] = [];
  const maps = new Map<Y.AbstractType<unknown>, Guarded>(GUARDED.map((name) => [doc.getMap(AUTHOR_MAPS[name]) as Y.AbstractType<unknown>, name]));
  const incoming = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  // What an origin id points to: a record of a guarded map (its map, key and value), or nothing.
  const known = new Map<string, Known>();
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  // An origin in the doc: the record it is a version of, found by id (no walk over every record).
  const inDoc = (id: Y.ID): Known | undefined => {
    if (Y.getState(doc.store, id.client) <= id.clock) return undefined;
    const item = Y.getItem(doc.store, id);
    if (!(item instanceof Y.Item) || item.parentSub === null) return undefined;
    const map = maps.get(item.parent as Y.AbstractType<unknown>);
    if (!map) return undefined;
    const value = valueOf(item);
    return { map, key: item.parentSub, value, checked: value, through: false };
  };
  const replaced = new Set<string>();
  for (const item of incoming) {
    // A first write carries its key, its parent still a root type's name: a new record, nothing replaced.
    const parent: unknown = item.parent;
    if (typeof parent === 'string' && item.parentSub !== null) {
      const map = GUARDED.find((name) => AUTHOR_MAPS[name] === parent);
      if (map) {
        const value = valueOf(item);
        known.set(idKey(item.lastId), { map, key: item.parentSub, value, checked: value, through: false });
      }
      continue;
    }
    if (!item.origin) continue;
    const before = known.get(idKey(item.origin)) ?? inDoc(item.origin);
    if (!before) continue;
    replaced.add(idKey(item.origin));
    const value = valueOf(item);
    // Edits made offline arrive together, the versions between already collected by the sender's
    // doc: a known version is checked against the last known one before it, more loosely.
    if (value === GONE) {
      known.set(idKey(item.lastId), { ...before, value, through: true });
      continue;
    }
    known.set(idKey(item.lastId), { ...before, value, checked: value, through: false });
    if (before.checked === GONE) continue;
    const problem = rewriteProblem(before.map, before.checked, value, before.through ? 'several' : 'one');
    if (problem) problems.push({ map: before.map, key: before.key, problem });
  }
  // A current record deleted with nothing in its place.
  if (ds.clients.size > 0)
  for (const [type, name] of maps)
    for (const [key, item] of (type as unknown as { _map: Map<string, Y.Item> })._map)
      if (!item.deleted && Y.isDeleted(ds, item.id) && !replaced.has(idKey(item.lastId)))
        problems.push({ map: name, key, problem: 'erased' });
  return problems;
}
