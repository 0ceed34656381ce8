import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DocName } from '../../shared/protocol';

/**
 * A doc's copy in the browser's IndexedDB (y-indexeddb, the Yjs ecosystem's provider for it): every
 * change is written there as it is made, so work done offline survives a closed tab, a reload or a
 * crash, and a review reopens without a network. One database per user, review and doc — two people
 * sharing a computer never share a copy — and signing out deletes hers (clearLocalCopies).
 *
 * Beside the doc it keeps the state vector the server is known to have ("confirmed"), so the changes
 * not yet sent can be counted even after a reload, before any connection says what the server lacks.
 */
export class LocalCopy {
  private readonly persistence: IndexeddbPersistence;
  /** Resolves when what IndexedDB held is in the doc (or at once where there is no IndexedDB). */
  readonly loaded: Promise<void>;
  private confirmedValue: Uint8Array | null = null;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    this.loaded = this.persistence.whenSynced.then(async () => {
      const stored: unknown = await this.persistence.get(CONFIRMED_KEY);
      if (stored instanceof ArrayBuffer && this.confirmedValue === null) this.confirmedValue = new Uint8Array(stored);
    });
  }

  /** What the server has of this doc as far as we know: null until a first connection said so. */
  get confirmed(): Uint8Array | null {
    return this.confirmedValue;
  }

  /** Records that the server holds at least this state (its state vector at a join, ours once everything is acknowledged). */
  confirm(stateVector: Uint8Array): void {
    this.confirmedValue = stateVector;
    void this.persistence.set(CONFIRMED_KEY, stateVector.slice().buffer).catch(() => undefined);
  }

  /** Changes in the doc the server is not known to have (0 before any connection confirmed anything). */
  unsentChanges(): number {
    if (this.confirmedValue === null) return 0;
    return countChanges(Y.encodeStateAsUpdate(this.doc, this.confirmedValue));
  }

  /** Stops writing; the copy stays in IndexedDB. */
  destroy(): void {
    void this.persistence.destroy();
  }
}

const CONFIRMED_KEY = 'tendik:confirmed';
const PREFIX = 'tendik';

/** The IndexedDB database of one doc's copy for one person. */
export function localCopyName(userId: string, reviewId: string, doc: DocName): string {
  return `${PREFIX}:${userId}:${reviewId}:${doc}`;
}

/**
 * How many changes an update carries: its new records, pieces of text and the like (Yjs items), or
 * its deletions when it only deletes. Three findings written offline count as three.
 */
export function countChanges(update: Uint8Array): number {
  const { structs, ds } = Y.decodeUpdate(update);
  const items = structs.filter((s) => s instanceof Y.Item).length;
  if (items > 0) return items;
  let deletions = 0;
  ds.clients.forEach((ranges) => (deletions += ranges.length));
  return deletions;
}

/**
 * Deletes every local copy of this person's (and, for the API answers the service worker kept, the
 * cache that holds them): what signing out means on a shared computer.
 */
export async function clearLocalCopies(userId: string): Promise<void> {
  const mine = `${PREFIX}:${userId}:`;
  const databases = typeof indexedDB !== 'undefined' && 'databases' in indexedDB ? await indexedDB.databases() : [];
  await Promise.all(
    databases
      .map((d) => d.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(mine))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}

/** The service worker's cache of API answers (vite.config.ts). */
export const API_CACHE = 'tendik-api';
