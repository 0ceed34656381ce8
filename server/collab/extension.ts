import type { Server as SocketServer } from 'socket.io';
import type { Config } from '../config';
import type { Db } from '../storage/db';
import type { Room } from './room';

/** What the hub and its extensions are built from: no AppContext, so the hub imports nothing of the app. */
export interface CollabDeps {
  config: Config;
  db: Db;
  io: SocketServer;
}

export interface LoadContext {
  readonly deps: CollabDeps;
  readonly room: Room;
  /** Rows the doc's log held (0: the doc was never stored). */
  readonly storedRows: number;
}

export interface ChangeContext {
  readonly deps: CollabDeps;
  readonly room: Room;
  readonly update: Uint8Array;
  /** A Connection for a client's change, SERVER_ORIGIN for the server's own. */
  readonly origin: unknown;
}

/**
 * A feature that takes part in the docs' life without being part of the hub (Hocuspocus's Extension
 * type, trimmed to what Tendik uses). The hub keeps the core — loading from the update log, storing
 * and relaying every change, compaction, unloading — and calls each extension, in the order of
 * COLLAB_EXTENSIONS, at these points:
 *
 * - onLoadDocument: the doc holds what the log held; fill one that was never stored (seeding). What
 *   an extension writes here is stored as the doc's first row, never relayed (nobody is on it yet).
 * - afterLoadDocument: the doc is stored, wired and findable; attach observers, start background work.
 * - onChange: an update was applied, stored and relayed.
 * - beforeUnloadDocument: the last user left; the doc is about to be compacted and destroyed.
 *
 * An extension that throws in a load hook fails the load (the client is told the doc is unavailable).
 */
export interface CollabExtension {
  readonly name: string;
  onLoadDocument?(context: LoadContext): void | Promise<void>;
  afterLoadDocument?(context: LoadContext): void | Promise<void>;
  onChange?(context: ChangeContext): void;
  beforeUnloadDocument?(context: { deps: CollabDeps; room: Room }): void;
}
