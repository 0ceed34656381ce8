import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions';
import { createUser } from '../server/auth/users';
import { UpdateLog } from '../server/collab/update-log';
import { openDatabase } from '../server/storage/db';
import { authorMap } from '../shared/collab/author-doc';
import { authorDocName } from '../shared/protocol';
import { createSampleReview } from '../test/collab/harness';
import { findingSeq } from './soak-lib';

/**
 * The soak benchmark's database, seen from the driver: the people and the review written straight to
 * it before the server starts, and what the server stored, read back at the end.
 */

export interface SoakPerson {
  userId: string;
  /** The Cookie header a signed-in browser of hers sends. */
  cookie: string;
}

export interface SoakPlan {
  reviewId: string;
  secretary: SoakPerson;
  experts: SoakPerson[];
}

/**
 * One secretary and `experts` member experts of one review (the sample draft), each with a live
 * session. Sessions are created in the database rather than by signing in: the server lets one address
 * sign in only 30 times in 15 minutes, and 150 scrypt verifications would dominate the start.
 * Run with TENDIK_SCRYPT_LOG_N=12 in the environment, or 150 password hashes take minutes.
 */
export async function seedSoak(file: string, experts: number): Promise<SoakPlan> {
  const db = openDatabase(file);
  try {
    const password = 'soak-password-1234';
    const person = async (role: 'secretary' | 'expert', i: number): Promise<SoakPerson> => {
      const user = await createUser(db, { email: `${role}${i}@soak.local`, name: `${role} ${i}`, role, password, committee: null });
      const { sessionId } = createSession(db, user.id, 24 * 3600_000);
      return { userId: user.id, cookie: `${SESSION_COOKIE}=${sessionId}` };
    };
    const secretary = await person('secretary', 0);
    const members: SoakPerson[] = [];
    for (let i = 0; i < experts; i += 1) members.push(await person('expert', i));
    const review = createSampleReview(db, secretary.userId, members.map((m) => m.userId));
    return { reviewId: review.id, secretary, experts: members };
  } finally {
    db.close();
  }
}

export interface StoredAnnotations {
  /** Annotation ids in each writer's author doc, replayed from collab_updates. */
  ids: Record<string, string[]>;
  /** Records beyond the first that carry the same writer's sequence number: one finding stored twice. */
  duplicated: number;
}

/**
 * Replays each writer's author doc from the server's log, as the server itself would load it. A second,
 * read-only connection: the server is still running (WAL lets it read what was committed).
 */
export function storedAnnotations(file: string, reviewId: string, writers: readonly string[]): StoredAnnotations {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const log = new UpdateLog(db);
    const ids: Record<string, string[]> = {};
    let duplicated = 0;
    for (const writer of writers) {
      const doc = new Y.Doc();
      log.load(reviewId, authorDocName(writer), doc, null);
      const records = [...authorMap(doc, 'annotations').values()] as Array<{ id: string; body: string }>;
      ids[writer] = records.map((r) => r.id);
      duplicated += records.length - new Set(records.map((r) => findingSeq(r.body))).size;
      doc.destroy();
    }
    return { ids, duplicated };
  } finally {
    db.close();
  }
}
