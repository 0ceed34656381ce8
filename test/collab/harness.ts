import { io as ioClient, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { CollabProvider } from '../../client/collab/provider';
import type { ClauseTree } from '../../shared/clause';
import { clauseTreeToDoc } from '../../shared/clause-doc';
import type { ClauseId } from '../../shared/ids';
import { AUTHOR_MAPS } from '../../shared/collab/author-doc';
import { CLIENT_MAX_INBOUND_BYTES, type DocName } from '../../shared/protocol';
import type { Db } from '../../server/storage/db';
import { createReview } from '../../server/reviews/store';
import type { UserId } from '../../shared/ids';
import type { Auth } from '../helpers/app';

/** A small draft of our own: three articles, one with parts. */
export function sampleTree(): ClauseTree {
  const clause = (id: string, kind: 'article' | 'part', number: string, text: string, children = []) => ({
    id: id as ClauseId,
    kind,
    number,
    label: kind === 'article' ? `Статья ${number}` : `часть ${number}`,
    text,
    children,
  });
  return {
    meta: { language: 'ru', actKind: 'law', title: 'О тестовом законе', date: null, number: null, isDraft: true },
    clauses: [
      clause('a1', 'article', '1', 'Статья 1. Каждый гражданин имеет право на труд и на свободный выбор профессии.'),
      {
        ...clause('a2', 'article', '2', 'Статья 2. Обязанности работодателя'),
        children: [
          clause('a2.p1', 'part', '1', '1. Работодатель обязан обеспечить равную оплату за равный труд мужчин и женщин.'),
          clause('a2.p2', 'part', '2', '2. Руководитель назначает своего заместителя из числа работников.'),
        ] as never,
      },
      clause('a3', 'article', '3', 'Статья 3. Настоящий Закон вступает в силу со дня официального опубликования.'),
    ],
  } as ClauseTree;
}

export function createSampleReview(db: Db, createdBy: string, members: string[], tree: ClauseTree = sampleTree()) {
  return createReview(db, {
    title: 'Тестовая экспертиза',
    sourceName: 'test.txt',
    createdBy: createdBy as UserId,
    members: members as UserId[],
    draft: { tree, pmDoc: clauseTreeToDoc(tree).toJSON(), report: {}, sourceSha256: 'test' },
  });
}

/** A real socket.io client over loopback, signed in with the session cookie (what a browser sends). */
export function connectSocket(url: string, auth: Pick<Auth, 'cookie'> | null, options: { reconnection?: boolean } = {}): Socket {
  return ioClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    extraHeaders: auth ? { cookie: auth.cookie } : {},
    // The client accepts a large step 2 (a whole code); the server's own limit is config.maxSocketFrameBytes.
    ...({ maxPayload: CLIENT_MAX_INBOUND_BYTES } as object),
  });
}

export interface Client {
  socket: Socket;
  provider: CollabProvider;
  docs: Map<DocName, Y.Doc>;
  close(): void;
}

export async function openClient(url: string, auth: Pick<Auth, 'cookie'>, reviewId: string, names: DocName[]): Promise<Client> {
  const socket = connectSocket(url, auth);
  const provider = new CollabProvider(socket, reviewId);
  const docs = new Map<DocName, Y.Doc>();
  for (const name of names) docs.set(name, provider.open(name).doc);
  await provider.whenSynced(20_000);
  return {
    socket,
    provider,
    docs,
    close: () => {
      provider.destroy();
      socket.disconnect();
    },
  };
}

/** Polls until `check` holds; the timeout only bounds a failing test, never measures speed. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function emitWithAck<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}

/** Deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a doc holds, by its layout (a root type must be read as the type it is). */
export function docContent(name: DocName, doc: Y.Doc): string {
  if (name === 'text') return doc.getXmlFragment('draft').toString();
  const maps = name === 'engine' ? ['candidates', 'meta'] : Object.values(AUTHOR_MAPS);
  // Keys in the order they were integrated differ between replicas of the same state: sort them.
  const sorted = (map: Y.Map<unknown>) => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(Object.fromEntries(maps.map((m) => [m, sorted(doc.getMap(m))])));
}

/** Yjs-style comparison: same state vector and same content. */
export function sameDoc(name: DocName, a: Y.Doc, b: Y.Doc): boolean {
  return (
    Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && docContent(name, a) === docContent(name, b)
  );
}
