import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUser } from '../../server/auth/users';
import { openDatabase } from '../../server/storage/db';
import { addAnnotation } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { login, type TestServer } from '../helpers/app';
import { connectSocket, createSampleReview } from './harness';
import { join, sendUpdate, tempDatabase } from './fixtures';

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-process.ts');
const db = tempDatabase();
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  db.cleanup();
});

/** Starts the server as a child process on the database file and resolves with its URL. */
function startServer(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{.*\}$/m.exec(out)?.[0];
      if (line) resolve({ child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening: ${err}`)));
  });
}

it('a server killed with SIGKILL after acknowledging N annotations restarts with all N', async () => {
  const N = 40;
  const setup = openDatabase(db.file);
  const password = 'expert-password-123';
  const secretary = await createUser(setup, { email: 's@test.local', name: 'Секретарь', role: 'secretary', password: 'secretary-pass-123', committee: null });
  const expert = await createUser(setup, { email: 'e@test.local', name: 'Эксперт', role: 'expert', password, committee: null });
  const review = createSampleReview(setup, secretary.id, [expert.id]);
  setup.close();

  const first = await startServer(db.file);
  const auth = await login({ url: first.url } as TestServer, expert.email, password);
  const socket = connectSocket(first.url, auth);
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
  const doc = authorDocName(expert.id);
  expect((await join(socket, review.id, doc)).writable).toBe(true);

  // One editor doc, as in the browser: each annotation is an incremental update, sent and acknowledged.
  const local = new Y.Doc();
  const ids: string[] = [];
  let pending: Uint8Array | null = null;
  local.on('update', (update: Uint8Array) => (pending = update));
  for (let i = 0; i < N; i += 1) {
    const a = addAnnotation(local, expert.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: `№${i}` });
    expect(await sendUpdate(socket, review.id, doc, pending!)).toEqual({ ok: true });
    ids.push(a.id);
  }

  const exited = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
  first.child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const second = await startServer(db.file);
  const res = await fetch(`${second.url}/api/reviews/${review.id}/model`, { headers: { cookie: auth.cookie } });
  expect(res.status).toBe(200);
  const model = (await res.json()) as { comments: Array<{ id: string; authorId: string; body: string }> };
  expect(model.comments.map((c) => c.id).sort()).toEqual([...ids].sort());
  expect(new Set(model.comments.map((c) => c.authorId))).toEqual(new Set([expert.id]));
}, 60_000);
