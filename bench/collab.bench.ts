import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { createApp } from '../server/app';
import type { Room } from '../server/collab/room';
import { createUser } from '../server/auth/users';
import { testConfig } from '../server/config';
import { openDatabase } from '../server/storage/db';
import { authorDocName } from '../shared/protocol';
import { corpusAvailable, CORPUS_DIR, readCorpus } from '../test/helpers/corpus';
import { createSampleReview } from '../test/collab/harness';
import { connect, fanOut, joinDoc, login, startBareRelay, startChild } from './collab-lib';
import { figure, percentile } from './lib';

// Real-time collaboration (issue 3). Targets: fan-out p99 < 50 ms at 30 clients and within 1.5× of a
// bare Yjs relay; < 30 MB of server memory per open review holding the Criminal Code.
//
// Fan-out: one expert adds annotations to her author doc; 10, 30 and 100 clients joined to that doc
// receive and apply each one. The server (Tendik, or the bare relay) runs in a child process of its
// own; all clients share this process, so client-side cost is the same for both and the ratio
// compares the servers. TENDIK_BENCH_CLIENTS=30 (a comma list) measures only those client counts.

const SELF = fileURLToPath(import.meta.url);
const FRAME = testConfig().maxSocketFrameBytes;
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const mode = process.argv[2];
// A served child exits cleanly when the bench is done with it (so --cpu-prof can write its profile).
if (mode?.startsWith('--serve')) process.on('SIGTERM', () => process.exit(0));
if (mode === '--serve-tendik') {
  const port = await createApp(testConfig({ databasePath: process.argv[3]! })).listen();
  console.log(JSON.stringify({ port }));
} else if (mode === '--serve-relay') {
  console.log(JSON.stringify({ port: await startBareRelay(FRAME) }));
} else if (mode === '--memory') {
  await memory(process.argv[3]!);
  process.exit(0);
} else {
  await main();
  process.exit(0);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-collab-bench-'));
  const children: Array<{ kill(): void }> = [];
  try {
    // The review and its people, written straight to a fresh database before the server starts.
    const file = path.join(dir, 'tendik.sqlite');
    const db = openDatabase(file);
    const password = 'bench-password-1234';
    const user = (role: 'secretary' | 'expert', i: number) =>
      createUser(db, { email: `${role}${i}@bench.local`, name: `${role} ${i}`, role, password, committee: null });
    const secretary = await user('secretary', 0);
    const experts = [];
    for (let i = 0; i < 5; i += 1) experts.push(await user('expert', i));
    const review = createSampleReview(db, secretary.id, experts.map((e) => e.id));
    db.close();
    const writer = experts[0]!;
    const ref = { reviewId: review.id, doc: authorDocName(writer.id) };

    const tendik = await startChild(SELF, ['--serve-tendik', file]);
    const relay = await startChild(SELF, ['--serve-relay']);
    children.push(tendik.child, relay.child);
    const cookies: string[] = [];
    for (const person of [secretary, ...experts]) cookies.push((await login(tendik.url, person.email, password)).cookie);
    const writerCookie = cookies[1]!;

    // Each server is measured RUNS times per client count, alternating, so a noisy neighbour on the
    // machine hits both alike; p50 is over all samples, p99 the median of the runs' p99s.
    const rounds = 100;
    const RUNS = 3;
    const results: Array<{ clients: number; tendik: number[][]; relay: number[][] }> = [];
    for (const clients of (process.env.TENDIK_BENCH_CLIENTS ?? '10,30,100').split(',').map(Number)) {
      const run = async (url: string, auth: boolean) => {
        const sender = await connect(url, auth ? writerCookie : null);
        const receivers: Socket[] = [];
        for (let i = 0; i < clients; i += 1) receivers.push(await connect(url, auth ? cookies[i % cookies.length]! : null));
        for (const s of [sender, ...receivers]) await joinDoc(s, ref.reviewId, ref.doc);
        const samples = await fanOut(sender, receivers, ref, rounds, 20);
        for (const s of [sender, ...receivers]) s.disconnect();
        return samples;
      };
      const row = { clients, tendik: [] as number[][], relay: [] as number[][] };
      for (let r = 0; r < RUNS; r += 1) {
        const tendikFirst = r % 2 === 0;
        for (const which of tendikFirst ? ['tendik', 'relay'] : ['relay', 'tendik'])
          row[which as 'tendik' | 'relay'].push(await run(which === 'tendik' ? tendik.url : relay.url, which === 'tendik'));
      }
      results.push(row);
    }
    const p50 = (runs: number[][]) => percentile(runs.flat().sort((a, b) => a - b), 50);
    const p99 = (runs: number[][]) => runs.map((r) => percentile(r, 99)).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    console.log(`fan-out of one annotation (ms, sender's emit → every receiver applied it); ${RUNS} runs × ${rounds} annotations per cell`);
    console.log('clients   Tendik p50    p99   bare relay p50    p99   ratio p50   ratio p99');
    for (const r of results) {
      const [t50, t99, r50, r99] = [p50(r.tendik), p99(r.tendik), p50(r.relay), p99(r.relay)];
      console.log(
        `${String(r.clients).padStart(7)}   ${t50.toFixed(2).padStart(10)} ${t99.toFixed(2).padStart(6)}   ${r50.toFixed(2).padStart(14)} ${r99.toFixed(2).padStart(6)}   ${(t50 / r50).toFixed(2).padStart(8)}×   ${(t99 / r99).toFixed(2).padStart(8)}×`,
      );
    }
    const at30 = results.find((r) => r.clients === 30) ?? results[0]!;
    const ratio = p99(at30.tendik) / p99(at30.relay);
    figure(
      `target at ${at30.clients} clients: p99 < 50 ms, ≤ 1.5× bare relay`,
      `${p99(at30.tendik) < 50 ? 'OK' : 'OVER'} (${p99(at30.tendik).toFixed(2)} ms) / ${ratio <= 1.5 ? 'OK' : 'OVER'} (${ratio.toFixed(2)}×)`,
    );
    for (const c of children) c.kill();
    children.length = 0;

    if (!corpusAvailable(CORPUS_FILE)) console.log(`memory per open review: SKIPPED, ../shared/corpus/${CORPUS_FILE} is absent.`);
    else {
      // A process of its own, so the fan-out's sockets and garbage do not count.
      spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', SELF, '--memory', dir], { stdio: 'inherit' });
    }
  } finally {
    for (const c of children) c.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Server memory per open review of the Criminal Code, in a process of its own (heap after GC, RSS). */
async function memory(dir: string): Promise<void> {
  const reviews = 4;
  const app = createApp(testConfig({ databasePath: path.join(dir, 'memory.sqlite') }));
  const url = `http://127.0.0.1:${await app.listen()}`;
  const password = 'bench-password-1234';
  await createUser(app.ctx.db, { email: 'mem@bench.local', name: 'Секретарь', role: 'secretary', password, committee: null });
  const auth = await login(url, 'mem@bench.local', password);
  const code = readCorpus(CORPUS_FILE);
  const ids: string[] = [];
  for (let i = 0; i <= reviews; i += 1) {
    // Through the real import route, as the secretary uploads it.
    const form = new FormData();
    form.set('file', new Blob([code], { type: 'text/plain' }), path.basename(CORPUS_DIR + '/' + CORPUS_FILE));
    const res = await fetch(`${url}/api/reviews`, { method: 'POST', body: form, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken } });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { review: { id: string } }).review.id);
  }
  const hub = app.ctx.collab;
  const held: Room[] = [];
  const open = async (id: string) => {
    for (const name of ['text', 'engine'] as const) {
      const room = await hub.acquire(id, name);
      room.holds += 1;
      held.push(room);
    }
  };
  const closeAll = () => {
    for (const room of held.splice(0)) {
      room.holds -= 1;
      hub.unloadIfIdle(room);
    }
  };
  const settle = async () => {
    for (let i = 0; i < 3; i += 1) {
      gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    const m = process.memoryUsage();
    return { heap: (m.heapUsed + m.external) / 2 ** 20, rss: m.rss / 2 ** 20 };
  };
  // One review opened and closed first: the checklist engine's morphology and the code paths are
  // loaded once per process, not per review.
  await open(ids[0]!);
  closeAll();
  const base = await settle();
  let start = performance.now();
  for (const id of ids.slice(1)) await open(id);
  const firstOpenMs = (performance.now() - start) / reviews;
  const seeded = await settle();
  const textRoom = held.find((r) => r.name === 'text')!;
  const stateBytes = (await import('yjs')).encodeStateAsUpdate(textRoom.doc).byteLength;
  closeAll();
  const closed = await settle();
  start = performance.now();
  for (const id of ids.slice(1)) await open(id);
  const reopenMs = (performance.now() - start) / reviews;
  const reloaded = await settle();
  closeAll();
  const per = (after: { heap: number; rss: number }, before: { heap: number; rss: number }) =>
    `heap+external ${((after.heap - before.heap) / reviews).toFixed(1)} MB, RSS ${((after.rss - before.rss) / reviews).toFixed(1)} MB`;
  figure(`Criminal Code TEXT doc as a Yjs update`, `${(stateBytes / 1024).toFixed(0)} KB`);
  figure(`per open review, first open (seeded from the import), ${reviews} open`, `${per(seeded, base)}  (${firstOpenMs.toFixed(0)} ms each, incl. checklist analysis)`);
  figure(`per open review, reopened from SQLite, ${reviews} open (against the closed state)`, `${per(reloaded, closed)}  (${reopenMs.toFixed(0)} ms each)`);
  figure('left after closing them all (first-use caches, not per review)', `heap+external ${(closed.heap - base.heap).toFixed(1)} MB in total`);
  const worst = Math.max(seeded.heap - base.heap, reloaded.heap - closed.heap);
  figure('target: < 30 MB per open large review (heap+external)', `${worst / reviews < 30 ? 'OK' : 'OVER'} (${(worst / reviews).toFixed(1)} MB)`);
  await app.close();
}
