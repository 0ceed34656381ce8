import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { createUser, type User } from '../../server/auth/users';
import { PROJECT_ROOT, testConfig } from '../../server/config';
import { createLogger } from '../../server/ops/logger';
import { listBackups } from '../../server/ops/backup';
import { openDatabase } from '../../server/storage/db';
import { addAnnotation } from '../../shared/collab';
import { authorDocName } from '../../shared/protocol';
import { login, type Auth } from '../helpers/app';
import { connectSocket, createSampleReview } from '../collab/harness';
import { join, sendUpdate, tempDatabase } from '../collab/fixtures';

/**
 * Backups while running (docs/deploy.md, "Backups" and "Restoring a backup"): experts write findings
 * through real sockets while a copy is taken — by `npm run backup` in a process of its own, and by
 * the server's own schedule — and the copy, restored in place of the database, holds every update the
 * server had acknowledged before the copy started.
 */

const SERVER = path.join(PROJECT_ROOT, 'test', 'collab', 'server-process.ts');
const dirs: Array<{ cleanup(): void }> = [];
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const c of closers.splice(0)) await c();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) d.cleanup();
});

function temp() {
  const t = tempDatabase();
  dirs.push(t);
  return t;
}

function startServerProcess(file: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{.*\}$/m.exec(out)?.[0];
      if (line) resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`);
    });
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening: ${err}`)));
  });
}

interface World {
  reviewId: string;
  experts: Array<{ user: User; password: string }>;
  secretary: { user: User; password: string };
}

async function makeWorld(file: string): Promise<World> {
  const db = openDatabase(file);
  const secretary = { user: await createUser(db, { email: 's@test.local', name: 'Секретарь', role: 'secretary', password: 'secretary-pass-123', committee: null }), password: 'secretary-pass-123' };
  const experts = [];
  for (let i = 0; i < 3; i++) {
    const password = `expert-password-${i}00`;
    experts.push({ user: await createUser(db, { email: `e${i}@test.local`, name: `Эксперт ${i}`, role: 'expert', password, committee: null }), password });
  }
  const review = createSampleReview(db, secretary.user.id, experts.map((e) => e.user.id));
  db.close();
  return { reviewId: review.id, experts, secretary };
}

/**
 * Each expert writes findings one after another over her own socket, each update awaited until the
 * server acknowledges it (the server stores an update before it acknowledges it). `acked` grows in the
 * order of the acknowledgements; `sent` holds every id ever sent.
 */
async function startWriters(url: string, world: World) {
  const acked: string[] = [];
  const sent = new Set<string>();
  let stop = false;
  const loops = await Promise.all(
    world.experts.map(async (expert) => {
      const auth = await login({ url }, expert.user.email, expert.password);
      const socket = connectSocket(url, auth);
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const doc = authorDocName(expert.user.id);
      expect((await join(socket, world.reviewId, doc)).writable).toBe(true);
      const local = new Y.Doc();
      let pending: Uint8Array | null = null;
      local.on('update', (u: Uint8Array) => (pending = u));
      return async () => {
        for (let i = 0; !stop; i++) {
          const a = addAnnotation(local, expert.user.id, {
            kind: 'comment',
            anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } },
            body: `${expert.user.name} №${i}`,
          });
          sent.add(a.id);
          expect(await sendUpdate(socket, world.reviewId, doc, pending!)).toEqual({ ok: true });
          acked.push(a.id);
        }
      };
    }),
  );
  const running = Promise.all(loops.map((loop) => loop()));
  return {
    acked,
    sent,
    /** Resolves once at least n more updates were acknowledged. */
    async more(n: number) {
      const target = acked.length + n;
      await expect.poll(() => acked.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(target);
    },
    async stop() {
      stop = true;
      await running;
    },
  };
}

/** What a restored database holds: the comments of the review, read over HTTP from a server started on it. */
async function commentsOf(url: string, world: World, auth: Auth): Promise<Array<{ id: string; body: string }>> {
  const res = await fetch(`${url}/api/reviews/${world.reviewId}/model`, { headers: { cookie: auth.cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { comments: Array<{ id: string; body: string }> }).comments;
}

/** Restoring as docs/deploy.md says: the server stopped, the copy put where the database was, its old -wal and -shm removed. */
function restore(backup: string, databaseFile: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
  fs.copyFileSync(backup, databaseFile);
}

it('npm run backup copies the database of a running server while experts write; the restored copy has every acknowledged update', async () => {
  const db = temp();
  const world = await makeWorld(db.file);
  const url = await startServerProcess(db.file);
  const writers = await startWriters(url, world);
  await writers.more(30);

  const backupFile = path.join(path.dirname(db.file), 'copies', 'tendik-copy.sqlite');
  fs.mkdirSync(path.dirname(backupFile));
  const ackedBefore = [...writers.acked];
  const backup = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server', 'cli', 'backup.ts'), '--', backupFile], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TENDIK_DB: db.file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  backup.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  backup.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => backup.once('exit', resolve));
  expect(code, output).toBe(0);
  expect(output).toMatch(/^Backup written: .*tendik-copy\.sqlite \(\d+\.\d MB, \d+ ms\)/m);
  // The writers went on during the copy, and after it.
  await writers.more(10);
  await writers.stop();
  expect(writers.acked.length).toBeGreaterThan(ackedBefore.length);
  expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

  // Stop the server, put the copy in place of its database, start it again.
  const server = children[0]!;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  restore(backupFile, db.file);
  const restoredUrl = await startServerProcess(db.file);
  const auth = await login({ url: restoredUrl }, world.secretary.user.email, world.secretary.password);
  const comments = await commentsOf(restoredUrl, world, auth);
  const ids = new Set(comments.map((c) => c.id));
  const missing = ackedBefore.filter((id) => !ids.has(id));
  expect(missing, `${missing.length} of ${ackedBefore.length} acknowledged updates are not in the copy`).toEqual([]);
  // Nothing in the copy that was never sent, and every body whole.
  for (const c of comments) {
    expect(writers.sent.has(c.id)).toBe(true);
    expect(c.body).toMatch(/^Эксперт \d №\d+$/);
  }
}, 120_000);

it('the server backs itself up on schedule into a folder, keeps the newest, and a restored copy has every acknowledged update', async () => {
  const db = temp();
  const world = await makeWorld(db.file);
  const dir = path.join(path.dirname(db.file), 'backups');
  const lines: string[] = [];
  const config = testConfig({ databasePath: db.file, logLevel: 'info', backup: { dir, intervalMs: 300, keep: 2 } });
  const tendik = createApp(config, openDatabase(db.file), createLogger({ level: 'info', json: true, write: (l) => lines.push(l) }));
  const port = await tendik.listen();
  closers.push(() => tendik.close());
  const url = `http://127.0.0.1:${port}`;

  const writers = await startWriters(url, world);
  await writers.more(20);
  // Scheduled copies are made (and rotated) while the experts write.
  const written = () => lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === 'backup written').length;
  await expect.poll(written, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  const ackedBefore = [...writers.acked];
  const file = await tendik.backups!.runNow();
  // Kept aside at once: the schedule goes on every 300 ms and rotates it away soon.
  const kept = path.join(path.dirname(db.file), 'kept.sqlite');
  fs.copyFileSync(file, kept);
  await writers.more(10);
  await writers.stop();
  expect(listBackups(dir).length).toBe(2);
  expect(lines.some((l) => l.includes('"level":"error"'))).toBe(false);
  const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.msg === 'backup written' && e.file === file)!;
  expect(entry).toMatchObject({ part: 'backup', bytes: fs.statSync(kept).size });

  await tendik.close();
  closers.splice(0);
  const restoredFile = path.join(path.dirname(db.file), 'restored.sqlite');
  restore(kept, restoredFile);
  const restored = createApp(testConfig({ databasePath: restoredFile }));
  const restoredPort = await restored.listen();
  closers.push(() => restored.close());
  const restoredUrl = `http://127.0.0.1:${restoredPort}`;
  const auth = await login({ url: restoredUrl }, world.secretary.user.email, world.secretary.password);
  const ids = new Set((await commentsOf(restoredUrl, world, auth)).map((c) => c.id));
  const missing = ackedBefore.filter((id) => !ids.has(id));
  expect(missing, `${missing.length} of ${ackedBefore.length} acknowledged updates are not in the copy`).toEqual([]);
  for (const id of ids) expect(writers.sent.has(id)).toBe(true);
}, 120_000);
