import { io, type Socket } from 'socket.io-client';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { CollabProvider, type DocHandle } from '../collab/provider';
import { ReviewCopies } from '../collab/review-copies';
import { mergeReviewModel } from '../../shared/collab/merge';
import { authorDocName, engineDocName, textDocName, type CollabStatus, type DocName } from '../../shared/protocol';
import type { ReviewModel } from '../../shared/review-model';
import { members, reviews, versions } from '../../shared/contract';
import type { PlacementRecord } from '../../shared/contract/versions';
import { pendingCarries, viewOfReading } from '../../shared/versions/reading-view';
import { apiCall } from '../api';
import type { CurrentUser } from '../session';
import { placementFetchDecision, PLACEMENT_MIN_INTERVAL_MS } from './draft-version';

export interface Member {
  id: string;
  name: string;
  role: string;
}

export interface ReviewInfo {
  id: string;
  title: string;
  status: string;
  committee: string | null;
  createdBy: string | null;
}

/**
 * The review's card and its members (GET /api/reviews/:id and …/members, checked against the
 * contract). The secretary who created the review is usually not a member, yet her decisions and
 * conclusion count: she is followed too.
 */
export async function loadReviewInfo(reviewId: string, me: CurrentUser): Promise<{ review: ReviewInfo; members: Member[] }> {
  const [card, listed] = await Promise.all([
    apiCall(reviews.getReview, { params: { id: reviewId } }),
    apiCall(members.listMembers, { params: { id: reviewId } }),
  ]);
  const list = new Map<string, Member>(listed.members.map((m) => [m.id, { id: m.id, name: m.name, role: m.role }]));
  if (!list.has(me.id)) list.set(me.id, { id: me.id, name: me.name, role: me.role });
  const { review } = card;
  if (!list.has(review.createdBy)) list.set(review.createdBy, { id: review.createdBy, name: '', role: 'secretary' });
  return {
    review: { id: reviewId, title: review.title, status: review.status, committee: review.committee, createdBy: review.createdBy },
    members: [...list.values()],
  };
}

/** How long the text must rest before the review model is merged again. */
const TYPING_PAUSE_MS = 400;
/** The longest the first merge waits for every doc of a review to arrive. */
const INITIAL_SYNC_WAIT_MS = 1500;

/** A socket already syncing a review's TEXT and ENGINE docs, opened before its card and members arrive. */
export interface EarlyConnection {
  readonly socket: Socket;
  readonly provider: CollabProvider;
  readonly copies: ReviewCopies;
  /** The version of the draft whose docs it opened (issue 16). */
  readonly version: number;
}

/**
 * The shared docs the workbench on a version needs: that version's TEXT doc, and the ENGINE docs of
 * every version up to it (the merge carries earlier versions' candidates into the view).
 */
export function sharedDocsOf(version: number): DocName[] {
  const names: DocName[] = [textDocName(version), 'engine'];
  for (let v = 2; v <= version; v++) names.push(engineDocName(v));
  return names;
}

/**
 * Connects at once, so the largest transfer of opening a review (the draft's TEXT doc) overlaps the
 * HTTP requests for the review's card and members instead of waiting for them. Every doc opens from
 * its local copy (IndexedDB): offline, the review still opens with what was here. The server decides
 * access on join as on every request; the caller destroys the connection if the review cannot open.
 */
export function connectEarly(reviewId: string, me: Pick<CurrentUser, 'id' | 'role'>, version = 1, socket: Socket = takePreconnected(reviewId) ?? openSocket()): EarlyConnection {
  const provider = new CollabProvider(socket, reviewId);
  const own = authorDocName(me.id);
  // A later version's text is immutable (the server refuses writes): never hers to send.
  const copies = new ReviewCopies(me.id, reviewId, provider, (name) => name === own || (name === 'text' && me.role === 'secretary'));
  for (const name of sharedDocsOf(version)) copies.open(name);
  return { socket, provider, copies, version };
}

function openSocket(): Socket {
  return io({ withCredentials: true, transports: ['websocket', 'polling'] });
}

let preconnected: { reviewId: string; socket: Socket } | null = null;

/**
 * Opened at start-up on a review's address, before the session is restored: on a slow link the
 * socket's handshake (a round trip for TCP, one for the WebSocket upgrade) then overlaps the session
 * check instead of following it. The server refuses a handshake without a session, as always; a
 * socket nobody took is closed by dropPreconnected.
 */
export function preconnect(reviewId: string): void {
  dropPreconnected();
  preconnected = { reviewId, socket: openSocket() };
}

function takePreconnected(reviewId: string): Socket | null {
  if (preconnected?.reviewId !== reviewId) {
    dropPreconnected();
    return null;
  }
  const { socket } = preconnected;
  preconnected = null;
  return socket;
}

/** Closes a socket opened by preconnect that no review page took (signed out, another screen). */
export function dropPreconnected(): void {
  preconnected?.socket.disconnect();
  preconnected = null;
}

export function closeEarly(early: EarlyConnection, keepSocket = false): void {
  const docs = sharedDocsOf(early.version).flatMap((name) => early.provider.handle(name)?.doc ?? []);
  early.copies.destroy();
  early.provider.destroy();
  for (const doc of docs) doc.destroy();
  if (!keepSocket) early.socket.disconnect();
}

/**
 * The live side of an open review: one socket, the TEXT, ENGINE and every member's AUTHOR doc, and
 * the merged review model recomputed (at most once per frame batch) whenever any doc changes.
 */
export class ReviewSession {
  readonly socket: Socket;
  readonly provider: CollabProvider;
  readonly copies: ReviewCopies;
  readonly text: DocHandle;
  readonly engine: DocHandle;
  /** ENGINE docs of versions 2 … `version`. */
  private readonly laterEngines = new Map<number, DocHandle>();
  readonly mine: DocHandle;
  /** The version of the draft this session works on (issue 16): its TEXT doc is `text`. */
  readonly version: number;
  /** Where earlier versions' annotations sit in this one (the server's answer); null until the first. */
  private placements: PlacementRecord[] | null = null;
  private placementTimer: ReturnType<typeof setTimeout> | undefined;
  private placementInFlight = false;
  private placementLastAt: number | null = null;
  private placementStuck = { ids: '', times: 0 };
  /** The annotation ids of the model when placements were last asked for: a new one asks again. */
  private placementIds = '';
  private readonly authors = new Map<string, { role: 'secretary' | 'expert'; handle: DocHandle }>();
  private modelValue: ReviewModel | null = null;
  private readonly modelListeners = new Set<(model: ReviewModel) => void>();
  private scheduled = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private initialSync = true;
  private initialTimer: ReturnType<typeof setTimeout> | undefined;
  private mergeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanup: Array<() => void> = [];
  private destroyed = false;

  constructor(
    readonly reviewId: string,
    readonly me: CurrentUser,
    readonly members: Member[],
    early: EarlyConnection = connectEarly(reviewId, me),
  ) {
    this.socket = early.socket;
    this.provider = early.provider;
    this.copies = early.copies;
    this.version = early.version;
    this.text = this.copies.open(textDocName(this.version));
    this.engine = this.copies.open('engine');
    for (let v = 2; v <= this.version; v++) this.laterEngines.set(v, this.copies.open(engineDocName(v)));
    for (const member of members) {
      const handle = this.copies.open(authorDocName(member.id));
      this.authors.set(member.id, { role: member.role === 'secretary' ? 'secretary' : 'expert', handle });
    }
    this.mine = this.authors.get(me.id)!.handle;
    // Opening a review, the docs arrive one after another and each would re-merge the whole model:
    // merge once when all are in (or after a while, should one never arrive — offline, say).
    const firstSync = (status: CollabStatus) => {
      if (status === 'synced') this.endInitialSync();
    };
    this.provider.on('status', firstSync);
    this.cleanup.push(() => this.provider.off('status', firstSync));
    this.initialTimer = setTimeout(() => this.endInitialSync(), INITIAL_SYNC_WAIT_MS);
    // Local typing in the editor (y-prosemirror's transactions) waits for a pause; anything else,
    // including the first sync of the draft, is merged at once.
    for (const doc of this.docs()) this.watch(doc);
    // Someone on the text who is not among the docs followed (an expert put on the review after it was
    // opened here): follow her annotations too. Presence names are stamped by the server from sessions.
    const discover = () => {
      for (const state of this.text.awareness.getStates().values()) {
        const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
        if (typeof user?.id === 'string' && !this.authors.has(user.id)) this.addAuthor({ id: user.id, name: typeof user.name === 'string' ? user.name : '', role: 'expert' });
      }
    };
    this.text.awareness.on('change', discover);
    this.cleanup.push(() => this.text.awareness.off('change', discover));
    // The browser knows first when the network goes: drop the socket at once so the state shows
    // "offline" and work continues locally; reconnecting syncs both ways (the provider's join).
    const offline = () => this.socket.disconnect();
    const online = () => this.socket.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanup.push(() => window.removeEventListener('offline', offline), () => window.removeEventListener('online', online));
    if (this.version >= 2) {
      this.fetchPlacements();
      // Back online: what was pending is asked for again at once.
      const resume = (status: CollabStatus) => {
        if (status !== 'synced') return;
        this.placementStuck = { ids: '', times: 0 };
        this.considerPlacements();
      };
      this.provider.on('status', resume);
      this.cleanup.push(() => this.provider.off('status', resume));
    }
  }

  /** The TEXT doc's name (`text` or `text:<n>`). */
  get textDocName(): DocName {
    return textDocName(this.version);
  }

  /**
   * Follows one more participant's author doc: an expert the secretary has just put on the review, or
   * one seen in presence. The server decides on join whether this connection may read it.
   */
  addAuthor(member: Member): void {
    if (this.authors.has(member.id)) return;
    if (!this.members.some((m) => m.id === member.id)) this.members.push(member);
    const handle = this.copies.open(authorDocName(member.id));
    this.authors.set(member.id, { role: member.role === 'secretary' ? 'secretary' : 'expert', handle });
    this.watch(handle.doc);
    this.schedule();
  }

  // 'afterTransaction', not 'update': an 'update' listener makes Yjs encode every transaction for it.
  private watch(doc: Y.Doc): void {
    const schedule = (tr: Y.Transaction) => {
      if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
      if (tr.origin === ySyncPluginKey) this.scheduleAfterTyping();
      else this.schedule();
    };
    doc.on('afterTransaction', schedule);
    this.cleanup.push(() => doc.off('afterTransaction', schedule));
  }

  /** Every followed participant's author doc, with her role (the text's corrections are read from the secretaries'). */
  authorDocs(): Array<{ userId: string; role: 'secretary' | 'expert'; doc: Y.Doc }> {
    return [...this.authors].map(([userId, a]) => ({ userId, role: a.role, doc: a.handle.doc }));
  }

  get status(): CollabStatus {
    return this.provider.status;
  }

  onStatus(fn: (status: CollabStatus) => void): () => void {
    this.provider.on('status', fn);
    return () => this.provider.off('status', fn);
  }

  onModel(fn: (model: ReviewModel) => void): () => void {
    this.modelListeners.add(fn);
    if (this.modelValue) fn(this.modelValue);
    return () => this.modelListeners.delete(fn);
  }

  get model(): ReviewModel | null {
    return this.modelValue;
  }

  get isSecretary(): boolean {
    return this.me.role === 'secretary';
  }

  memberName(id: string | null): string | null {
    if (!id) return null;
    const known = this.members.find((m) => m.id === id)?.name;
    if (known) return known;
    // Names of people who are not listed members (the secretary) come from presence, stamped by the server.
    for (const state of this.text.awareness.getStates().values()) {
      const user = (state as { user?: { id?: unknown; name?: unknown } }).user;
      if (user?.id === id && typeof user.name === 'string') return user.name;
    }
    return null;
  }

  /** Recomputes the model now (used after a local write so the UI answers without waiting a frame). */
  refresh(): void {
    if (this.destroyed) return;
    this.modelValue = viewOfReading(this.merge(), this.placements);
    for (const fn of this.modelListeners) fn(this.modelValue);
    this.considerPlacements();
  }

  /**
   * On a later version: asks the server again where earlier versions' annotations sit when some wait
   * for it (made on an earlier version since the last answer) or the annotations changed — at most
   * every two seconds, and not for ever when the answers keep leaving the same ones pending.
   */
  private considerPlacements(): void {
    if (this.version < 2 || this.destroyed || !this.modelValue || this.placementTimer !== undefined) return;
    const ids = annotationIds(this.modelValue);
    const decision = placementFetchDecision({
      pending: pendingCarries(this.modelValue),
      localChange: this.placements !== null && ids !== this.placementIds,
      inFlight: this.placementInFlight,
      lastAt: this.placementLastAt,
      stuck: this.placementStuck,
      now: Date.now(),
    });
    if (decision === 'now') this.fetchPlacements();
    else if (decision === 'later') {
      const wait = Math.max(0, (this.placementLastAt ?? 0) + PLACEMENT_MIN_INTERVAL_MS - Date.now());
      this.placementTimer = setTimeout(() => {
        this.placementTimer = undefined;
        this.considerPlacements();
      }, wait);
    }
  }

  private fetchPlacements(): void {
    this.placementInFlight = true;
    this.placementLastAt = Date.now();
    if (this.modelValue) this.placementIds = annotationIds(this.modelValue);
    const settle = () => {
      this.placementInFlight = false;
      if (this.destroyed) return;
      if (this.modelValue) {
        // Merged again with the answer; then the same ones still pending count as one more try.
        this.modelValue = viewOfReading(this.merge(), this.placements);
        for (const fn of this.modelListeners) fn(this.modelValue);
        const ids = [...pendingCarries(this.modelValue)].sort().join(',');
        this.placementStuck = ids && ids === this.placementStuck.ids ? { ids, times: this.placementStuck.times + 1 } : { ids, times: ids ? 1 : 0 };
        this.considerPlacements();
      }
    };
    apiCall(versions.listPlacements, { params: { id: this.reviewId, seq: String(this.version) } })
      .then((answer) => {
        this.placements = answer.placements;
      })
      // Offline or refused: the last placements stay; what has none stays 'pending', listed.
      .catch(() => undefined)
      .finally(settle);
  }

  /** The model of this session's version (version 1's: the same as before there were versions). */
  private merge(): ReviewModel {
    return mergeReviewModel({
      reviewId: this.reviewId,
      engine: this.engine.doc,
      authors: [...this.authors].map(([userId, a]) => ({ userId, role: a.role, doc: a.handle.doc })),
      textDoc: this.text.doc,
      version: this.version,
      laterEngines: new Map([...this.laterEngines].map(([v, handle]) => [v, handle.doc])),
    });
  }

  /**
   * Leaves the review and lets it go, in this order: the local copies stop writing, counting what is
   * unsent one last time while the docs still hold it; the provider leaves every doc (over the socket,
   * still open) and destroys their awareness; the docs are destroyed; the socket closes. Destroying
   * the docs, not only dropping them, ends whatever still observes one (a binding, an undo manager),
   * so nothing left attached keeps a review she has left in the tab's memory.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const fn of this.cleanup.splice(0)) fn();
    clearTimeout(this.typingTimer);
    clearTimeout(this.initialTimer);
    clearTimeout(this.mergeTimer);
    clearTimeout(this.placementTimer);
    this.modelListeners.clear();
    const docs = this.docs();
    this.copies.destroy();
    this.provider.destroy();
    for (const doc of docs) doc.destroy();
    this.socket.disconnect();
  }

  private docs(): Y.Doc[] {
    return [this.text.doc, this.engine.doc, ...[...this.laterEngines.values()].map((e) => e.doc), ...[...this.authors.values()].map((a) => a.handle.doc)];
  }

  private endInitialSync(): void {
    if (!this.initialSync) return;
    this.initialSync = false;
    clearTimeout(this.initialTimer);
    this.refresh();
  }

  private schedule(): void {
    if (this.scheduled || this.initialSync) return;
    this.scheduled = true;
    // Many updates arrive in bursts (the first sync, a remote typist): merge once per burst.
    this.mergeTimer = setTimeout(() => {
      this.scheduled = false;
      this.refresh();
    }, 30);
  }

  /**
   * Text edits only move anchors, and ProseMirror maps the drawn highlights through them already:
   * re-merge the model once typing pauses, not on every keystroke (the merge resolves every anchor).
   */
  private scheduleAfterTyping(): void {
    if (this.initialSync) return;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.refresh(), TYPING_PAUSE_MS);
  }
}

/** The ids of a model's findings and comments, as one comparable string. */
function annotationIds(model: ReviewModel): string {
  return [...model.findings.map((f) => f.id), ...model.comments.map((c) => c.id)].sort().join(',');
}
