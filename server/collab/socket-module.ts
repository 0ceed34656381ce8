import type { Socket } from 'socket.io';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { z } from 'zod';
import { isTendikError, type TendikError } from '../../shared/errors';
import { negotiateLang, type Lang } from '../../shared/i18n/lang';
import {
  CollabErrors,
  CollabEvents,
  authorOfDoc,
  collabSchemas,
  type CollabErrorCode,
  type CollabErrorPayload,
  type DocName,
  type JoinAccepted,
  UPDATE_ENVELOPE_BYTES,
} from '../../shared/protocol';
import { audit } from '../audit';
import { reviewPolicy } from '../auth/policies';
import { sessionFromCookieHeader } from '../auth/sessions';
import type { User } from '../auth/users';
import type { AppContext } from '../context';
import type { CollabHub } from './hub';
import { foreignAnnotationKeys } from './foreign-record-keys';
import { recordRewrites } from './record-rewrites';
import { laterVersionsNamed } from './versions-named';
import { latestSeq } from '../versions/store';
import { decodeAwareness, encodeAwareness, MAX_PRESENCE_BYTES, MAX_PRESENCE_IDS_PER_CONNECTION, presenceUser, stampPresence } from './presence';
import { UserLimits, type LimitVerdict } from './user-limits';
import { Connection, roomKey, type Room } from './room';

/** What a client may send; `collab:error` and `doc:reset` go the other way only. */
const KNOWN_EVENTS = new Set<string>([CollabEvents.join, CollabEvents.leave, CollabEvents.step1, CollabEvents.update, CollabEvents.awareness]);

/**
 * Yjs over socket.io (docs/collaboration.md, "Protocol"): one connection per tab, docs multiplexed by {reviewId, doc}.
 * Permissions are decided per connection and per doc at join, never per update: a read-only
 * connection's writes are refused whole (not applied, not relayed, not stored) and the client is told.
 */
export function attachCollab(ctx: AppContext): void {
  const hub = ctx.collab;
  const schemas = collabSchemas(ctx.config.maxSocketFrameBytes);
  const limits = new UserLimits(ctx.config);
  const refuse = (socket: Socket, next: (err?: Error) => void, error: TendikError) =>
    next(Object.assign(new Error(error.message), { data: toPayload(error, langOf(socket)) }));

  ctx.io.use((socket, next) => {
    const session = sessionFromCookieHeader(ctx.db, socket.handshake.headers.cookie);
    if (!session) return refuse(socket, next, CollabErrors.COLLAB_UNAUTHENTICATED());
    const refusal = socketRefusal(limits, session.user.id);
    if (refusal) return refuse(socket, next, refusal);
    socket.data.user = session.user;
    next();
  });

  ctx.io.on('connection', (socket) => {
    const user = socket.data.user as User;
    // Two handshakes of hers may pass the check at once: counting here is what holds the cap.
    if (!limits.openSocket(user.id)) {
      socket.emit(CollabEvents.error, toPayload(socketRefusal(limits, user.id) ?? CollabErrors.COLLAB_TOO_MANY_CONNECTIONS({ max: limits.limits.socketsPerUser }), langOf(socket)));
      socket.disconnect(true);
      return;
    }
    socket.on('disconnect', () => limits.closeSocket(user.id));
    new CollabSocket(ctx, hub, socket, schemas, limits, cutOff);
  });

  /** She kept sending through her refusals: every socket of hers is closed, with the reason. */
  function cutOff(user: User): void {
    const seconds = limits.cutOffSeconds(user.id);
    audit(ctx.db, { userId: user.id, action: 'collab.cut_off', details: { seconds } });
    for (const socket of ctx.io.of('/').sockets.values()) {
      if ((socket.data.user as User | undefined)?.id !== user.id) continue;
      socket.emit(CollabEvents.error, toPayload(CollabErrors.COLLAB_CUT_OFF({ seconds }), langOf(socket)));
      socket.disconnect(true);
    }
  }

  ctx.accessEvents.on('revoked', ({ userId, reviewId }) => {
    for (const room of [...hub.rooms.values()]) {
      if (reviewId !== undefined && room.reviewId !== reviewId) continue;
      for (const conn of [...room.conns.values()]) {
        if (conn.user.id !== userId) continue;
        hub.disconnect(room, conn);
        conn.socket.emit(CollabEvents.error, {
          ...toPayload(CollabErrors.COLLAB_FORBIDDEN(), langOf(conn.socket)),
          reviewId: room.reviewId,
          doc: room.name,
        });
      }
    }
  });
}

function socketRefusal(limits: UserLimits, userId: string): TendikError | null {
  const refusal = limits.socketRefusal(userId);
  if (!refusal) return null;
  return refusal.reason === 'cut-off'
    ? CollabErrors.COLLAB_CUT_OFF({ seconds: refusal.seconds })
    : CollabErrors.COLLAB_TOO_MANY_CONNECTIONS({ max: limits.limits.socketsPerUser });
}

function langOf(socket: Socket): Lang {
  const cookie = /(?:^|;\s*)tendik_lang=(\w+)/.exec(socket.handshake.headers.cookie ?? '')?.[1];
  return negotiateLang(cookie, socket.handshake.headers['accept-language']);
}

function toPayload(error: TendikError, lang: Lang): CollabErrorPayload {
  const body = error.toJSON(lang).error;
  return { code: error.code as CollabErrorCode, message: body.message, messages: body.messages };
}

type Ack = (answer: unknown) => void;
type Schemas = ReturnType<typeof collabSchemas>;

/** One authenticated socket: its joined docs, its rate limits, its handlers. */
class CollabSocket {
  private readonly user: User;
  private readonly joined = new Map<string, { room: Room; conn: Connection }>();
  private readonly lang: Lang;

  constructor(
    private readonly ctx: AppContext,
    private readonly hub: CollabHub,
    private readonly socket: Socket,
    schemas: Schemas,
    private readonly limits: UserLimits,
    private readonly cutOff: (user: User) => void,
  ) {
    this.user = socket.data.user as User;
    this.lang = langOf(socket);
    this.handle(CollabEvents.join, schemas.join, (msg) => this.join(msg.reviewId, msg.doc as DocName));
    this.handle(CollabEvents.leave, schemas.leave, (msg) => this.leave(msg.reviewId, msg.doc));
    this.handle(CollabEvents.step1, schemas.step1, (msg) => this.step1(msg.reviewId, msg.doc, msg.stateVector));
    this.handle(CollabEvents.update, schemas.update, (msg) => this.update(msg.reviewId, msg.doc, msg.update));
    this.handle(CollabEvents.awareness, schemas.awareness, (msg) => this.awareness(msg.reviewId, msg.doc, msg.update));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      this.refuse(CollabErrors.COLLAB_UNKNOWN_EVENT({ event: String(event).slice(0, 60) }), lastAck(args));
    });
    socket.on('disconnect', () => {
      for (const { room, conn } of this.joined.values()) this.hub.disconnect(room, conn);
      this.joined.clear();
    });
  }

  private handle<S extends z.ZodType>(event: string, schema: S, fn: (msg: z.output<S>) => unknown): void {
    this.socket.on(event, async (...args: unknown[]) => {
      const ack = lastAck(args);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const reason = issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload';
        return this.refuse(CollabErrors.COLLAB_BAD_MESSAGE({ reason: reason.slice(0, 200) }), ack, args[0]);
      }
      try {
        const answer = await fn(parsed.data);
        ack?.(answer ?? { ok: true });
      } catch (err) {
        if (!isTendikError(err)) console.error(`[collab] ${event} failed:`, err);
        this.refuse(isTendikError(err) ? err : CollabErrors.COLLAB_UNAVAILABLE(), ack, args[0]);
      }
    });
  }

  private refuse(error: TendikError, ack: Ack | undefined, msg?: unknown): void {
    const ref = msg as { reviewId?: unknown; doc?: unknown } | undefined;
    const payload: CollabErrorPayload = {
      ...toPayload(error, this.lang),
      ...(typeof ref?.reviewId === 'string' ? { reviewId: ref.reviewId.slice(0, 64) } : {}),
      ...(typeof ref?.doc === 'string' ? { doc: ref.doc.slice(0, 64) } : {}),
    };
    if (ack) ack({ ok: false, ...payload });
    else this.socket.emit(CollabEvents.error, payload);
  }

  private async join(reviewId: string, name: DocName): Promise<JoinAccepted> {
    const policy = reviewPolicy(this.ctx.db, this.user, reviewId);
    if (!policy?.canReadDoc(name)) throw CollabErrors.COLLAB_FORBIDDEN();
    const access = policy.access as Connection['access'];
    const writable = policy.canWriteDoc(name);
    const key = roomKey(reviewId, name);
    let entry = this.joined.get(key);
    // Joined to a doc that has since been dropped (discarded, or unloaded while closing): join anew.
    if (entry && this.hub.rooms.get(key) !== entry.room) {
      this.joined.delete(key);
      entry = undefined;
    }
    if (!entry) {
      let room = await this.hub.acquire(reviewId, name);
      // A concurrent last-leave may have unloaded it between load and now: take the current one.
      while (this.hub.rooms.get(key) !== room) room = await this.hub.acquire(reviewId, name);
      if (!this.socket.connected) {
        this.hub.unloadIfIdle(room);
        throw CollabErrors.COLLAB_UNAVAILABLE();
      }
      entry = this.joined.get(key);
      if (!entry) {
        const conn = new Connection(this.socket, this.user, presenceUser(this.user), access, writable);
        room.conns.set(this.socket.id, conn);
        void this.socket.join(key);
        entry = { room, conn };
        this.joined.set(key, entry);
      }
    }
    const { room } = entry;
    return {
      ok: true,
      writable: entry.conn.writable,
      access,
      stateVector: Y.encodeStateVector(room.doc),
      awareness: encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
      maxUpdateBytes: Math.max(1024, this.ctx.config.maxSocketFrameBytes - UPDATE_ENVELOPE_BYTES),
    };
  }

  private leave(reviewId: string, name: string): void {
    const key = roomKey(reviewId, name);
    const entry = this.joined.get(key);
    if (!entry) return;
    this.joined.delete(key);
    this.hub.disconnect(entry.room, entry.conn);
  }

  private joinedOrThrow(reviewId: string, name: string): { room: Room; conn: Connection } {
    const key = roomKey(reviewId, name);
    const entry = this.joined.get(key);
    if (!entry) throw CollabErrors.COLLAB_NOT_JOINED();
    // The app is closing and has flushed and unloaded this doc (closeAll): an update applied now
    // would be acknowledged and never stored. The client sends it again after reconnecting.
    if (this.hub.rooms.get(key) !== entry.room) {
      this.joined.delete(key);
      throw CollabErrors.COLLAB_UNAVAILABLE();
    }
    return entry;
  }

  private step1(reviewId: string, name: string, stateVector: Uint8Array) {
    const { room } = this.joinedOrThrow(reviewId, name);
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(room.doc, stateVector);
    } catch {
      throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: 'stateVector is not a Yjs state vector' });
    }
    return { ok: true, update, stateVector: Y.encodeStateVector(room.doc) };
  }

  private update(reviewId: string, name: string, update: Uint8Array) {
    const { room, conn } = this.joinedOrThrow(reviewId, name);
    // Her budget, over all her sockets: another tab does not buy another budget.
    this.limited(this.limits.takeUpdate(this.user.id, update.byteLength));
    try {
      // A dry run on an empty doc reads the whole update, like Y.decodeUpdate, and also finds corrupted
      // updates that decode but throw half-way through integration — after Yjs has emitted (and we
      // would have stored and relayed) the part before the fault. It costs as much as the update is
      // large, not as the doc. A fixed guid: a random one costs ~30 calls to the system's random
      // source, several times the dry run itself.
      Y.applyUpdate(new Y.Doc({ gc: false, guid: 'tendik-dry-run' }), update);
    } catch {
      throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: 'update is not a Yjs update' });
    }
    if (!conn.writable) {
      // A read-only client answering our step 1 with nothing new is fine (Hocuspocus does the same).
      if (Y.snapshotContainsUpdate(Y.snapshot(room.doc), update)) return { ok: true };
      throw CollabErrors.COLLAB_READ_ONLY();
    }
    const owner = authorOfDoc(room.name);
    if (owner !== null) {
      // Her own doc, but a record under a colleague's or a candidate's id: refused whole, never stored.
      const foreign = foreignAnnotationKeys(update, owner);
      if (foreign.length > 0) {
        audit(this.ctx.db, { userId: this.user.id, reviewId, action: 'collab.foreign_record_refused', target: name, details: { ids: foreign.slice(0, 20) } });
        throw CollabErrors.COLLAB_FOREIGN_RECORD();
      }
      // Her own records, but changed as her app never changes them (removed outright, undeleted, or
      // edited with the replaced words dropped from the history): refused whole, never stored.
      const rewrites = recordRewrites(update, room.doc);
      // Annotations anchored in a version of the draft the review does not have: refused whole.
      const named = laterVersionsNamed(update);
      const latest = named.length > 0 ? latestSeq(this.ctx.db, reviewId) : 1;
      const missing = named.filter((v) => v > latest);
      if (missing.length > 0) {
        audit(this.ctx.db, { userId: this.user.id, reviewId, action: 'collab.missing_version_refused', target: name, details: { versions: missing.slice(0, 20) } });
        throw CollabErrors.COLLAB_NO_SUCH_VERSION();
      }
      if (rewrites.length > 0) {
        audit(this.ctx.db, { userId: this.user.id, reviewId, action: 'collab.record_rewrite_refused', target: name, details: { records: rewrites.slice(0, 20) } });
        throw CollabErrors.COLLAB_RECORD_REWRITE();
      }
    }
    this.hub.applyClientUpdate(room, update, conn);
    return { ok: true };
  }

  private limited(verdict: LimitVerdict): void {
    if (verdict === 'ok') return;
    if (verdict === 'cut-off') queueMicrotask(() => this.cutOff(this.user));
    throw CollabErrors.COLLAB_RATE_LIMITED();
  }

  private awareness(reviewId: string, name: string, update: Uint8Array) {
    const { room, conn } = this.joinedOrThrow(reviewId, name);
    // Presence over her budget is dropped without a word: it is renewed every 15 s anyway, answering
    // each one costs as much as relaying it, and a reconnecting client's burst is no reason to cut her off.
    if (this.limits.takePresence(this.user.id) !== 'ok') return { ok: false };
    if (update.byteLength > MAX_PRESENCE_BYTES) throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: 'awareness update too large' });
    let entries;
    try {
      entries = decodeAwareness(update);
    } catch {
      throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: 'update is not an awareness update' });
    }
    // A client speaks only for its own client ids: never for an id another connection announced.
    const foreign = new Set<number>();
    for (const other of room.conns.values()) if (other !== conn) for (const id of other.clientIds) foreign.add(id);
    const own = entries.filter((e) => !foreign.has(e.clientId));
    if (own.length === 0) return { ok: true };
    // Presence lives in memory and goes to every screen: a connection gets a few ids, not thousands.
    const added = new Set(own.filter((e) => e.state !== null && !conn.clientIds.has(e.clientId)).map((e) => e.clientId));
    if (conn.clientIds.size + added.size > MAX_PRESENCE_IDS_PER_CONNECTION)
      throw CollabErrors.COLLAB_BAD_MESSAGE({ reason: `more than ${MAX_PRESENCE_IDS_PER_CONNECTION} presence ids on one connection` });
    applyAwarenessUpdate(room.awareness, encodeAwareness(stampPresence(own, conn.presence)), conn);
    return { ok: true };
  }
}

function lastAck(args: unknown[]): Ack | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Ack) : undefined;
}
