import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { Observable } from 'lib0/observable';
import type { Socket } from 'socket.io-client';
import {
  CollabErrors,
  CollabEvents,
  type CollabErrorPayload,
  type CollabStatus,
  type DocName,
  isTextDoc,
  type JoinAck,
  type Step1Ack,
  type UpdateAck,
} from '../../shared/protocol';

/**
 * The client side of the collaboration protocol (shared/protocol.ts): one socket.io connection per
 * tab carrying every Yjs doc of one review. Runs in the browser and in Node (tests, benchmarks): no
 * DOM APIs. The caller creates the socket (the browser sends its session cookie; Node passes it in
 * extraHeaders) so the transport options stay with the app.
 *
 * On every (re)connect each open doc is joined and synced both ways: the server's state vector is
 * answered with what it lacks (offline work goes out), and its step 2 is applied. A doc counts as
 * synced only when the server's step 2 arrived and every update we sent was acknowledged as stored.
 */

export interface DocHandle {
  readonly name: DocName;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Known after the first join: whether the server lets this connection write the doc. */
  readonly writable: boolean;
  readonly synced: boolean;
}

export interface RefusedWrite {
  doc: DocName;
  error: CollabErrorPayload;
}

type ProviderEvents = {
  status: (status: CollabStatus) => void;
  /** The server refused our change (read-only doc, rate limit …): it was not stored nor relayed. */
  refused: (refusal: RefusedWrite) => void;
  /** Join refused or a protocol error reported by the server. */
  error: (error: CollabErrorPayload & { doc?: string }) => void;
  synced: (doc: DocName) => void;
  /** Joined: the server holds at least `stateVector` of this doc (what it lacks is being sent). */
  joined: (doc: DocName, stateVector: Uint8Array) => void;
  /** Synced with nothing of ours in flight: the server holds everything this doc has. */
  settled: (doc: DocName) => void;
};

const RETRY_AFTER_REJOIN = new Set<string>(['COLLAB_RATE_LIMITED', 'COLLAB_UNAVAILABLE', 'COLLAB_NOT_JOINED']);
/** Until the server says its limit at the join: well under its default frame limit (2 MB). */
const DEFAULT_MAX_UPDATE_BYTES = 1024 * 1024;

/** Marks our own applications of server data, so they are not sent back. */
const REMOTE = Symbol('collab-remote');

class OpenDoc implements DocHandle {
  writable = false;
  synced = false;
  joined = false;
  /** Updates sent and not yet acknowledged as stored. */
  pending = 0;
  /** Bumped on every (re)join, so answers to an older connection are ignored. */
  epoch = 0;
  /**
   * Local changes the server may lack, in the order they were made: those made while not joined, and
   * those sent and not acknowledged when the connection went. When the whole difference is too large
   * for one message, these are what is sent instead, in order, merged into messages that fit.
   */
  unsent: Uint8Array[] = [];
  /** Sent and awaiting their acknowledgement, by send order. */
  readonly inflight = new Map<number, Uint8Array>();
  sends = 0;
  /** The server's limit for one update (from the join); a larger message would close the socket. */
  maxUpdateBytes = DEFAULT_MAX_UPDATE_BYTES;
  readonly awareness: awarenessProtocol.Awareness;
  cleanup: Array<() => void> = [];
  /** Our 'update' listener, which sends local changes; set by CollabProvider.open. */
  onUpdate: ((update: Uint8Array, origin: unknown) => void) | null = null;
  /** Joining waits for this: the doc's local copy loaded from IndexedDB (LocalCopy.loaded). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    readonly name: DocName,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // Presence (who is here, her cursor) is the draft's only. An Awareness starts with a state of its
    // own and renews it every 15 s: on every doc of a review that was 32 announcements per person,
    // relayed to everyone — at 150 people the server did nothing else (bench/soak.bench.ts).
    if (!carriesPresence(name)) this.awareness.setLocalState(null);
  }

  /**
   * Applies server data without our 'update' listener attached: it would ignore the update anyway, but
   * while any 'update' listener exists Yjs re-encodes every applied transaction for it — for a whole
   * code's first sync that is ~100 ms of a browser's main thread. (Others listening to the doc should
   * use 'afterTransaction', which costs nothing.)
   */
  applyRemote(update: Uint8Array): void {
    const listener = this.onUpdate;
    if (listener) this.doc.off('update', listener);
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } finally {
      if (listener) this.doc.on('update', listener);
    }
  }
}

export class CollabProvider extends Observable<keyof ProviderEvents> {
  private readonly docs = new Map<DocName, OpenDoc>();
  private statusValue: CollabStatus = 'connecting';
  private destroyed = false;
  private readonly detach: Array<() => void> = [];

  constructor(
    readonly socket: Socket,
    readonly reviewId: string,
  ) {
    super();
    const on = <A extends unknown[]>(event: string, fn: (...args: A) => void) => {
      socket.on(event, fn as never);
      this.detach.push(() => socket.off(event, fn as never));
    };
    on('connect', () => this.onConnect());
    on('disconnect', () => this.onDisconnect());
    on('connect_error', (err: Error & { data?: Partial<CollabErrorPayload> }) => {
      this.setStatus('offline');
      // Refused by the server with a reason (too many tabs, signed out): say it, it will not pass by itself.
      if (typeof err?.data?.code === 'string' && err.data.messages) this.emit('error', [err.data as CollabErrorPayload]);
    });
    on(CollabEvents.update, (msg: { reviewId: string; doc: DocName; update: Uint8Array | ArrayBuffer }) => {
      const open = this.docFor(msg);
      if (open?.joined) open.applyRemote(bytes(msg.update));
    });
    on(CollabEvents.awareness, (msg: { reviewId: string; doc: DocName; update: Uint8Array | ArrayBuffer }) => {
      const open = this.docFor(msg);
      if (open?.joined) awarenessProtocol.applyAwarenessUpdate(open.awareness, bytes(msg.update), REMOTE);
    });
    on(CollabEvents.error, (error: CollabErrorPayload) => this.emit('error', [error]));
    on(CollabEvents.reset, (msg: { reviewId: string; doc: DocName }) => {
      const open = this.docFor(msg);
      if (open) this.resync(open, open.epoch);
    });
    if (socket.connected) this.onConnect();
    else this.setStatus(socket.active ? 'connecting' : 'offline');
  }

  get status(): CollabStatus {
    return this.statusValue;
  }

  /** Updates of ours the server has not yet confirmed as stored, over all docs. */
  get pending(): number {
    let n = 0;
    for (const open of this.docs.values()) n += open.pending;
    return n;
  }

  /**
   * Opens (or returns) one doc of the review; it syncs now if connected, else on connect. With
   * `ready`, the first join waits for it: a local copy still loading would otherwise arrive after the
   * exchange, as if it were new changes — which a read-only doc must not send.
   */
  open(name: DocName, doc: Y.Doc = new Y.Doc(), ready?: Promise<void>): DocHandle {
    const existing = this.docs.get(name);
    if (existing) return existing;
    const open = new OpenDoc(name, doc);
    if (ready) open.ready = ready.catch(() => undefined);
    this.docs.set(name, open);
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.sendUpdate(open, update);
    };
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === REMOTE || !open.joined || !this.socket.connected) return;
      const changed = [...added, ...updated, ...removed];
      this.socket.emit(CollabEvents.awareness, {
        reviewId: this.reviewId,
        doc: name,
        update: awarenessProtocol.encodeAwarenessUpdate(open.awareness, changed),
      });
    };
    open.onUpdate = onUpdate;
    doc.on('update', onUpdate);
    open.awareness.on('update', onAwareness);
    open.cleanup.push(
      () => doc.off('update', onUpdate),
      () => open.awareness.off('update', onAwareness),
    );
    if (this.socket.connected) this.startJoin(open);
    this.refreshStatus();
    return open;
  }

  /** Stops syncing one doc; the Y.Doc stays usable locally. */
  close(name: DocName): void {
    const open = this.docs.get(name);
    if (!open) return;
    this.docs.delete(name);
    awarenessProtocol.removeAwarenessStates(open.awareness, [open.doc.clientID], 'local');
    if (this.socket.connected && open.joined) this.socket.emit(CollabEvents.leave, { reviewId: this.reviewId, doc: name });
    for (const fn of open.cleanup) fn();
    open.awareness.destroy();
    this.refreshStatus();
  }

  handle(name: DocName): DocHandle | undefined {
    return this.docs.get(name);
  }

  /** Resolves when every open doc is synced (or rejects after `timeoutMs`). */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    if (this.statusValue === 'synced') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', check);
        reject(new Error(`not synced within ${timeoutMs} ms (status ${this.statusValue})`));
      }, timeoutMs);
      const check = (status: CollabStatus) => {
        if (status !== 'synced') return;
        clearTimeout(timer);
        this.off('status', check);
        resolve();
      };
      this.on('status', check);
    });
  }

  override destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const name of [...this.docs.keys()]) this.close(name);
    for (const fn of this.detach) fn();
    super.destroy();
  }

  private docFor(msg: { reviewId?: unknown; doc?: unknown }): OpenDoc | undefined {
    if (msg?.reviewId !== this.reviewId || typeof msg.doc !== 'string') return undefined;
    return this.docs.get(msg.doc as DocName);
  }

  private onConnect(): void {
    this.setStatus('syncing');
    for (const open of this.docs.values()) this.startJoin(open);
  }

  private onDisconnect(): void {
    for (const open of this.docs.values()) {
      // Whether the server stored what was in flight is unknown: keep it with what is still unsent.
      open.unsent = [...open.inflight.values(), ...open.unsent];
      open.inflight.clear();
      open.joined = false;
      open.synced = false;
      open.pending = 0;
      open.epoch += 1;
      // Nobody else is known to be here any more; the server resends presence on rejoin.
      const others = [...open.awareness.getStates().keys()].filter((id) => id !== open.doc.clientID);
      awarenessProtocol.removeAwarenessStates(open.awareness, others, REMOTE);
    }
    if (!this.destroyed) this.setStatus('offline');
  }

  /**
   * A join cut short — the connection went while waiting for an answer — is nothing to report: the
   * next connection joins again. Left unhandled, its rejection would end a Node process.
   */
  private startJoin(open: OpenDoc): void {
    this.join(open).catch(() => undefined);
  }

  private async join(open: OpenDoc): Promise<void> {
    const epoch = ++open.epoch;
    await open.ready;
    if (epoch !== open.epoch || !this.docs.has(open.name) || !this.socket.connected) return;
    const ref = { reviewId: this.reviewId, doc: open.name };
    const joined = (await this.socket.emitWithAck(CollabEvents.join, ref)) as JoinAck;
    if (epoch !== open.epoch || !this.docs.has(open.name)) return;
    if (!joined.ok) {
      this.emit('error', [{ ...joined, doc: open.name }]);
      return;
    }
    open.joined = true;
    open.writable = joined.writable;
    if (typeof joined.maxUpdateBytes === 'number' && joined.maxUpdateBytes > 0) open.maxUpdateBytes = joined.maxUpdateBytes;
    awarenessProtocol.applyAwarenessUpdate(open.awareness, bytes(joined.awareness), REMOTE);
    const step1 = (await this.socket.emitWithAck(CollabEvents.step1, {
      ...ref,
      stateVector: Y.encodeStateVector(open.doc),
    })) as Step1Ack;
    if (epoch !== open.epoch) return;
    if (!step1.ok) {
      this.emit('error', [{ ...step1, doc: open.name }]);
      return;
    }
    open.applyRemote(bytes(step1.update));
    // Our side of the exchange: whatever the server lacks, including edits made offline.
    const queued = open.unsent;
    open.unsent = [];
    const serverState = bytes(joined.stateVector);
    this.emit('joined', [open.name, serverState]);
    if (open.writable) {
      const missing = Y.encodeStateAsUpdate(open.doc, serverState);
      if (hasContent(missing)) {
        if (missing.length <= open.maxUpdateBytes) this.sendUpdate(open, missing);
        // Too large for one message (long offline work): the changes one by one, merged to fit.
        else for (const part of partsToSend(queued, serverState, open.maxUpdateBytes)) this.sendUpdate(open, part);
      }
    }
    if (open.awareness.getLocalState() !== null)
      this.socket.emit(CollabEvents.awareness, {
        ...ref,
        update: awarenessProtocol.encodeAwarenessUpdate(open.awareness, [open.doc.clientID]),
      });
    open.synced = true;
    this.emit('synced', [open.name]);
    this.settleIfDone(open);
    this.refreshStatus();
  }

  private settleIfDone(open: OpenDoc): void {
    if (open.synced && open.pending === 0 && open.unsent.length === 0) this.emit('settled', [open.name]);
  }

  private sendUpdate(open: OpenDoc, update: Uint8Array): void {
    // Offline or not yet joined: kept in order; the next join's exchange carries it.
    if (!open.joined || !this.socket.connected) {
      open.unsent.push(update);
      return;
    }
    if (!open.writable) {
      this.emit('refused', [{ doc: open.name, error: localError('COLLAB_READ_ONLY', this.reviewId, open.name) }]);
      return;
    }
    if (update.length > open.maxUpdateBytes) {
      // One change larger than the server takes would close the socket, and again after every
      // reconnect. It stays here (and is offered again at the next join); she is told why.
      open.unsent.push(update);
      this.emit('refused', [{ doc: open.name, error: localError('COLLAB_UPDATE_TOO_LARGE', this.reviewId, open.name) }]);
      return;
    }
    const epoch = open.epoch;
    const seq = ++open.sends;
    open.inflight.set(seq, update);
    open.pending += 1;
    this.refreshStatus();
    this.socket.emit(
      CollabEvents.update,
      { reviewId: this.reviewId, doc: open.name, update },
      (ack: UpdateAck) => {
        if (epoch !== open.epoch) return;
        open.inflight.delete(seq);
        open.pending -= 1;
        if (!ack.ok) {
          // Ours and valid, refused for a passing reason: offered again with the next exchange.
          if (RETRY_AFTER_REJOIN.has(ack.code)) open.unsent.push(update);
          this.emit('refused', [{ doc: open.name, error: ack }]);
          // A change refused for a passing reason is ours and valid: join again and send the whole
          // difference shortly (rate limit; the doc unloaded under us, e.g. while the server shuts down).
          if (RETRY_AFTER_REJOIN.has(ack.code)) setTimeout(() => this.resync(open, epoch), 1000);
        } else this.settleIfDone(open);
        this.refreshStatus();
      },
    );
  }

  private resync(open: OpenDoc, epoch: number): void {
    if (epoch === open.epoch && open.joined && this.docs.get(open.name) === open) {
      open.joined = false;
      open.synced = false;
      this.refreshStatus();
      this.startJoin(open);
    }
  }

  private refreshStatus(): void {
    if (!this.socket.connected) return this.setStatus(this.socket.active ? 'connecting' : 'offline');
    for (const open of this.docs.values()) if (!open.synced || open.pending > 0) return this.setStatus('syncing');
    this.setStatus('synced');
  }

  private setStatus(status: CollabStatus): void {
    if (status === this.statusValue) return;
    this.statusValue = status;
    this.emit('status', [status]);
  }
}

function bytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** An update that carries no structs and no deletions is two zero bytes. */
function hasContent(update: Uint8Array): boolean {
  return !(update.length === 2 && update[0] === 0 && update[1] === 0);
}

function localError(code: 'COLLAB_READ_ONLY' | 'COLLAB_UPDATE_TOO_LARGE', reviewId: string, doc: string): CollabErrorPayload {
  const error = CollabErrors[code]().toJSON('en').error;
  return { code, message: error.message, messages: error.messages, reviewId, doc };
}

/**
 * The local changes the server lacks, as messages of at most `max` bytes, in the order they were made
 * (each one's dependencies travel before it). What the server already has is cut from each; one
 * change larger than `max` stays a message of its own, which sendUpdate refuses and keeps.
 */
export function partsToSend(changes: readonly Uint8Array[], serverState: Uint8Array, max: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length === 1) parts.push(batch[0]!);
    else if (batch.length > 1) {
      const merged = Y.mergeUpdates(batch);
      // Merging usually only drops repeated headers; should it ever come out larger, send them apart.
      if (merged.length <= max) parts.push(merged);
      else parts.push(...batch);
    }
    batch = [];
    size = 0;
  };
  for (const change of changes) {
    const needed = Y.diffUpdate(change, serverState);
    if (!hasContent(needed)) continue;
    if (size + needed.length > max) flush();
    batch.push(needed);
    size += needed.length;
  }
  flush();
  return parts;
}

/** The docs whose awareness carries presence: the draft, where people read and their cursors are. */
export function carriesPresence(doc: DocName): boolean {
  return isTextDoc(doc);
}
