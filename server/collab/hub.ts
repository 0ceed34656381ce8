import * as Y from 'yjs';
import { encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { upsertCandidates, withdrawCandidates } from '../../shared/collab/engine-doc';
import type { CandidateFinding } from '../../shared/review-model';
import { CollabErrors, CollabEvents, engineDocName, type DocName } from '../../shared/protocol';
import { recordReviewChecklist } from '../reviews/store';
import type { CollabDeps, CollabExtension } from './extension';
import { Connection, Room, SERVER_ORIGIN, roomKey } from './room';
import { UpdateLog } from './update-log';

export interface HubOptions {
  /** Compact a doc's log from the live doc once it holds this many rows (counted in SQLite, so across restarts). */
  compactAfter: number;
}

const DEFAULTS: HubOptions = { compactAfter: 500 };

/**
 * The loaded docs of all reviews. Loading goes through a promise map so two first joins never load
 * twice (y-socket.io's race: docs/collaboration.md, "Why it is built this way"); a doc unloads, compacted, when its last user leaves.
 * Every applied update is appended to SQLite synchronously before it is relayed or acknowledged.
 * What else happens around a doc's life (seeding, audit, the first analysis) is an extension's
 * (extension.ts, extensions/index.ts).
 */
export class CollabHub {
  readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  readonly log: UpdateLog;
  readonly options: HubOptions;

  constructor(
    readonly deps: CollabDeps,
    readonly extensions: readonly CollabExtension[],
    options: Partial<HubOptions> = {},
  ) {
    this.log = new UpdateLog(deps.db);
    this.options = { ...DEFAULTS, ...options };
  }

  /** The loaded room, loading it first if needed. The caller must attach a connection or a hold before awaiting anything else. */
  async acquire(reviewId: string, name: DocName): Promise<Room> {
    const key = roomKey(reviewId, name);
    const loaded = this.rooms.get(key);
    if (loaded) return loaded;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(reviewId, name).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  /** Runs `fn` with the doc loaded and unloads it again if nobody else is using it. */
  async withRoom<T>(reviewId: string, name: DocName, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(reviewId, name);
    room.holds += 1;
    try {
      return await fn(room);
    } finally {
      room.holds -= 1;
      this.unloadIfIdle(room);
    }
  }

  unloadIfIdle(room: Room): void {
    // A discarded room's doc is not what the log holds: it is dropped, never compacted into the log.
    if (room.discarded) {
      if (room.idle) room.destroy();
      return;
    }
    if (!room.idle || this.rooms.get(room.key) !== room) return;
    this.rooms.delete(room.key);
    try {
      for (const ext of this.extensions) ext.beforeUnloadDocument?.({ deps: this.deps, room });
      if (room.logRows > 1) this.log.compact(room.reviewId, room.name, room.doc);
    } finally {
      room.destroy();
    }
  }

  /**
   * Applies a client's update so that nobody else sees it unless all of it applied: what Yjs emits
   * meanwhile is held back, and stored and relayed only once the application is complete. An update
   * that breaks half-way (a dry run on an empty doc cannot see every such fault: one that continues
   * the sender's earlier changes waits there for them) leaves the loaded doc in a state the log does
   * not have: that doc is dropped, and its clients load it again from the log (CollabEvents.reset).
   */
  applyClientUpdate(room: Room, update: Uint8Array, origin: Connection): void {
    const waitingBefore = waiting(room.doc);
    room.heldBack = [];
    try {
      Y.applyUpdate(room.doc, update, origin);
    } catch {
      room.heldBack = null;
      this.discard(room);
      throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: 'the update does not fit the document' });
    }
    const applied = room.heldBack;
    room.heldBack = null;
    for (const change of applied) this.persistAndRelay(room, change.update, change.origin);
    // Changes that follow ones the doc has not got yet (an update overtook an earlier one of the same
    // writer) wait in memory, and Yjs emits nothing for them. The acknowledgement says "stored": so
    // the update itself is stored and relayed as it came — replayed or applied elsewhere, it waits
    // there the same way, and fits in when what it follows arrives.
    if (addedWaiting(waitingBefore, waiting(room.doc))) this.persistAndRelay(room, update, origin);
  }

  /** Drops a loaded doc whose memory no longer matches its log; everyone on it rejoins. */
  private discard(room: Room): void {
    if (this.rooms.get(room.key) === room) this.rooms.delete(room.key);
    room.discarded = true;
    for (const conn of room.conns.values()) conn.socket.emit(CollabEvents.reset, { reviewId: room.reviewId, doc: room.name });
    room.conns.clear();
    this.unloadIfIdle(room);
  }

  /** Removes a connection from its room: its presence goes, and the room unloads if it was the last. */
  disconnect(room: Room, conn: Connection): void {
    if (room.conns.get(conn.socket.id) !== conn) return;
    room.conns.delete(conn.socket.id);
    void conn.socket.leave(room.key);
    if (conn.clientIds.size > 0) {
      removeAwarenessStates(room.awareness, [...conn.clientIds], SERVER_ORIGIN);
    }
    this.unloadIfIdle(room);
  }

  /** Applies the checklist engine's candidates to the ENGINE doc (stored and relayed like any update). */
  async writeCandidates(
    reviewId: string,
    checklist: { id: string; version: string },
    findings: CandidateFinding[],
    withdraw: readonly string[] = [],
    version = 1,
  ): Promise<{ changed: number; removed: number }> {
    const result = await this.withRoom(reviewId, engineDocName(version), (room) => ({
      changed: upsertCandidates(room.doc, checklist, findings, SERVER_ORIGIN),
      removed: withdrawCandidates(room.doc, withdraw, SERVER_ORIGIN),
    }));
    recordReviewChecklist(this.deps.db, reviewId, checklist);
    return result;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.loading.values()]);
    for (const room of [...this.rooms.values()]) {
      room.conns.clear();
      room.holds = 0;
      this.unloadIfIdle(room);
    }
  }

  private async load(reviewId: string, name: DocName): Promise<Room> {
    const room = new Room(reviewId, name);
    try {
      const storedRows = this.log.load(reviewId, name, room.doc, SERVER_ORIGIN);
      room.logRows = storedRows;
      const context = { deps: this.deps, room, storedRows };
      const before = Y.encodeStateVector(room.doc);
      for (const ext of this.extensions) await ext.onLoadDocument?.(context);
      // What the extensions wrote (a seeded draft) is stored before anyone can see the doc. Compared by
      // state vector: an update encoded against one always repeats the doc's whole delete set.
      if (!sameBytes(before, Y.encodeStateVector(room.doc))) {
        this.log.append(reviewId, name, Y.encodeStateAsUpdate(room.doc, before));
        room.logRows += 1;
      }
      // A process that died before unloading left its log uncompacted: counted from the database, not
      // from a counter that restarted with the process, it is compacted now instead of growing for ever.
      if (room.logRows > this.options.compactAfter) this.compact(room);
      this.wire(room);
      this.rooms.set(room.key, room);
      for (const ext of this.extensions) await ext.afterLoadDocument?.(context);
      return room;
    } catch (err) {
      if (this.rooms.get(room.key) === room) this.rooms.delete(room.key);
      room.destroy();
      throw err;
    }
  }

  private persistAndRelay(room: Room, update: Uint8Array, origin: unknown): void {
    this.log.append(room.reviewId, room.name, update);
    room.logRows += 1;
    const message = { reviewId: room.reviewId, doc: room.name, update };
    if (origin instanceof Connection) origin.socket.to(room.key).emit(CollabEvents.update, message);
    else this.deps.io.to(room.key).emit(CollabEvents.update, message);
    if (room.logRows >= this.options.compactAfter) this.compact(room);
    for (const ext of this.extensions) ext.onChange?.({ deps: this.deps, room, update, origin });
  }

  private compact(room: Room): void {
    this.log.compact(room.reviewId, room.name, room.doc);
    room.logRows = 1;
  }

  /** Persist, then relay to everyone else on the doc; compact when the log has grown. */
  private wire(room: Room): void {
    const { io } = this.deps;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (room.heldBack) room.heldBack.push({ update, origin });
      else this.persistAndRelay(room, update, origin);
    };
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin instanceof Connection) {
        for (const id of added) origin.clientIds.add(id);
        for (const id of removed) origin.clientIds.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const message = { reviewId: room.reviewId, doc: room.name, update: encodeAwarenessUpdate(room.awareness, changed) };
      if (origin instanceof Connection) origin.socket.to(room.key).emit(CollabEvents.awareness, message);
      else io.to(room.key).emit(CollabEvents.awareness, message);
    };
    room.doc.on('update', onUpdate);
    room.awareness.on('update', onAwareness);
    room.cleanup.push(
      () => room.doc.off('update', onUpdate),
      () => room.awareness.off('update', onAwareness),
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** What Yjs holds back for want of earlier changes: its structs and its deletions, each a new value whenever an update adds to it. */
function waiting(doc: Y.Doc): [unknown, unknown] {
  const store = doc.store as unknown as { pendingStructs: { update: Uint8Array } | null; pendingDs: Uint8Array | null };
  return [store.pendingStructs?.update ?? null, store.pendingDs ?? null];
}

function addedWaiting(before: [unknown, unknown], after: [unknown, unknown]): boolean {
  return (after[0] !== null && after[0] !== before[0]) || (after[1] !== null && after[1] !== before[1]);
}
