import type { Socket } from 'socket.io';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { DocName } from '../../shared/protocol';
import type { ReviewAccess } from '../auth/access';
import type { User } from '../auth/users';
import type { PresenceUser } from './presence';

/**
 * One socket's membership of one doc. It is the transaction origin of everything that socket
 * applies, so observers know who made a change (Hocuspocus's typed origins) and relaying skips it.
 */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it leaves. */
  readonly clientIds = new Set<number>();

  constructor(
    readonly socket: Socket,
    readonly user: User,
    readonly presence: PresenceUser,
    readonly access: Exclude<ReviewAccess, 'reader'>,
    readonly writable: boolean,
  ) {}
}

/** Changes made by the server itself (seeding, engine candidates). */
export const SERVER_ORIGIN = Symbol('tendik-server');

/** A loaded doc of a review with its presence and the connections reading or writing it. */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly conns = new Map<string, Connection>();
  /** Non-socket users (the model loader, the engine writer) keeping it loaded for a moment. */
  holds = 0;
  /** Rows of this doc's update log in SQLite: read at load, then counted as they are appended. */
  logRows = 0;
  /** While a client's update is being applied: what Yjs emitted, not yet stored nor relayed. */
  heldBack: Array<{ update: Uint8Array; origin: unknown }> | null = null;
  /** Its memory no longer matches its log (an update broke half-way): never used nor compacted again. */
  discarded = false;
  readonly cleanup: Array<() => void> = [];

  constructor(
    readonly reviewId: string,
    readonly name: DocName,
  ) {
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /** The socket.io room of this doc. */
  get key(): string {
    return roomKey(this.reviewId, this.name);
  }

  get idle(): boolean {
    return this.conns.size === 0 && this.holds === 0;
  }

  destroy(): void {
    for (const fn of this.cleanup.splice(0)) fn();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function roomKey(reviewId: string, name: string): string {
  return `collab:${reviewId}/${name}`;
}
