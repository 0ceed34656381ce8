import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { UpdateLog } from '../../server/collab/update-log';
import type { Db } from '../../server/storage/db';
import { authorOfDoc, CollabEvents, type DocName } from '../../shared/protocol';
import { signedIn, startTestServer, type TestServer } from '../helpers/app';
import { afterAll, beforeAll } from 'vitest';
import { connectSocket, createSampleReview, emitWithAck, type Client } from './harness';

/** A fresh SQLite file in its own temp directory (removed by `cleanup`). */
export function tempDatabase(): { file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-collab-'));
  return { file: path.join(dir, 'tendik.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The real app on a real SQLite file, a secretary, two member experts and the sample review. */
export async function reviewWorld(databasePath: string, overrides: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer({ databasePath, ...overrides });
  const secretary = await signedIn(server, 'secretary');
  const alice = await signedIn(server, 'expert');
  const bella = await signedIn(server, 'expert');
  const review = createSampleReview(server.tendik.ctx.db, secretary.user.id, [alice.user.id, bella.user.id]);
  return { server, secretary, alice, bella, review };
}

export type ReviewWorld = Awaited<ReturnType<typeof reviewWorld>>;

/**
 * One review world for a test file: started before its tests on a fresh SQLite file; after them the
 * clients pushed to `clients` are closed, the server stopped and the file removed.
 */
export function useReviewWorld(overrides: Parameters<typeof startTestServer>[0] = {}): { readonly world: ReviewWorld; clients: Client[] } {
  const db = tempDatabase();
  let world: ReviewWorld | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    world = await reviewWorld(db.file, overrides);
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await world?.server.close();
    db.cleanup();
  });
  return {
    get world() {
      if (!world) throw new Error('the review world is not started');
      return world;
    },
    clients,
  };
}

export type Person = Awaited<ReturnType<typeof signedIn>>;

/** A bare socket.io client over loopback, connected with the person's session cookie. */
export async function rawSocket(server: TestServer, person: { auth: { cookie: string } }): Promise<Socket> {
  const socket = connectSocket(server.url, person.auth);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export type Answer = { ok: boolean; code?: string; writable?: boolean; messages?: Record<string, string> };

export function join(socket: Socket, reviewId: string, doc: string): Promise<Answer> {
  return emitWithAck<Answer>(socket, CollabEvents.join, { reviewId, doc });
}

export function sendUpdate(socket: Socket, reviewId: string, doc: string, update: Uint8Array): Promise<Answer> {
  return emitWithAck<Answer>(socket, CollabEvents.update, { reviewId, doc, update });
}

/** Records every y:update the server relays to this socket. */
export function relayed(socket: Socket): Array<{ doc: string; update: Uint8Array }> {
  const seen: Array<{ doc: string; update: Uint8Array }> = [];
  socket.on(CollabEvents.update, (msg: { doc: string; update: ArrayBuffer | Uint8Array }) =>
    seen.push({ doc: msg.doc, update: msg.update instanceof Uint8Array ? msg.update : new Uint8Array(msg.update) }),
  );
  return seen;
}

/** Rows of a doc's update log in SQLite. */
export function logRows(db: Db, reviewId: string, doc: DocName): number {
  return new UpdateLog(db).count(reviewId, doc);
}

/** What SQLite holds for a doc, replayed into a fresh Y.Doc (what a reload would see). */
export function storedDoc(db: Db, reviewId: string, doc: DocName): Y.Doc {
  const out = new Y.Doc();
  new UpdateLog(db).load(reviewId, doc, out, null);
  return out;
}

/**
 * The annotation id a test calls `label` in `doc`'s author doc: a proper id of that author
 * (record-ids.ts), the same on every call, so tests can name records and find them again.
 */
export function labelledId(doc: DocName, label: string): string {
  const owner = authorOfDoc(doc);
  if (owner === null) throw new RangeError(`${doc} is not an author doc`);
  const hex = createHash('sha256').update(label).digest('hex');
  return `${owner}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An update that adds one record to an author doc's annotations map, from a doc of its own. */
export function annotationUpdate(docName: DocName, label: string, body = `замечание ${label}`): Uint8Array {
  const id = labelledId(docName, label);
  const doc = new Y.Doc();
  doc.getMap('annotations').set(id, {
    id,
    kind: 'comment',
    anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } },
    body,
    status: 'open',
    createdAt: 1,
    updatedAt: 1,
  });
  return Y.encodeStateAsUpdate(doc);
}
