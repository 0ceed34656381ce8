import * as Y from 'yjs';
import type { Db } from '../storage/db';

/**
 * The durable form of a Yjs doc: an append-only log of updates per (review, doc), the y-leveldb
 * pattern on better-sqlite3 (docs/collaboration.md, "Why it is built this way"). Appends are synchronous, so an update is in SQLite
 * (WAL) before anybody hears of it; compaction replaces the log with one state row in a transaction.
 */
export class UpdateLog {
  private readonly appendStmt;
  private readonly maxSeqStmt;
  private readonly rowsStmt;
  private readonly countStmt;
  private readonly deleteUpToStmt;
  private readonly docsStmt;

  constructor(private readonly db: Db) {
    this.appendStmt = db.prepare('INSERT INTO collab_updates (review_id, doc, seq, data) VALUES (?, ?, ?, ?)');
    this.maxSeqStmt = db.prepare('SELECT MAX(seq) AS seq FROM collab_updates WHERE review_id = ? AND doc = ?');
    this.rowsStmt = db.prepare('SELECT data FROM collab_updates WHERE review_id = ? AND doc = ? ORDER BY seq');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM collab_updates WHERE review_id = ? AND doc = ?');
    this.deleteUpToStmt = db.prepare('DELETE FROM collab_updates WHERE review_id = ? AND doc = ? AND seq <= ?');
    this.docsStmt = db.prepare('SELECT DISTINCT doc FROM collab_updates WHERE review_id = ?');
  }

  /** Appends and returns the new sequence number. */
  append(reviewId: string, doc: string, update: Uint8Array): number {
    const seq = this.maxSeq(reviewId, doc) + 1;
    this.appendStmt.run(reviewId, doc, seq, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    return seq;
  }

  maxSeq(reviewId: string, doc: string): number {
    return (this.maxSeqStmt.get(reviewId, doc) as { seq: number | null }).seq ?? 0;
  }

  count(reviewId: string, doc: string): number {
    return (this.countStmt.get(reviewId, doc) as { n: number }).n;
  }

  /** Replays the log into `into`; returns how many rows there were (0: never stored). */
  load(reviewId: string, doc: string, into: Y.Doc, origin: unknown): number {
    const rows = this.rowsStmt.all(reviewId, doc) as Array<{ data: Buffer }>;
    into.transact(() => {
      for (const row of rows) Y.applyUpdate(into, row.data);
    }, origin);
    return rows.length;
  }

  /** Replaces the whole log with the live doc's state (faster than merging the rows: docs/collaboration.md). */
  compact(reviewId: string, doc: string, live: Y.Doc): void {
    const state = Y.encodeStateAsUpdate(live);
    this.db.transaction(() => {
      const max = this.maxSeq(reviewId, doc);
      this.deleteUpToStmt.run(reviewId, doc, max);
      this.appendStmt.run(reviewId, doc, max + 1, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    })();
  }

  /** Names of the docs of a review that have ever been stored. */
  docs(reviewId: string): string[] {
    return (this.docsStmt.all(reviewId) as Array<{ doc: string }>).map((r) => r.doc);
  }
}
