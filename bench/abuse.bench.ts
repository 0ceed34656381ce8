import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { createApp } from '../server/app';
import { createUser } from '../server/auth/users';
import { testConfig } from '../server/config';
import { openDatabase } from '../server/storage/db';
import { addAnnotation } from '../shared/collab/author-doc';
import { authorDocName } from '../shared/protocol';
import { createSampleReview } from '../test/collab/harness';
import { connect, fanOut, joinDoc, login, startChild } from './collab-lib';
import { figure, percentile } from './lib';

// One person must not slow everyone down (issue 12 §3). While one account floods valid updates from
// five sockets and another keeps sending 3 MB frames, an honest expert's annotation must still reach
// 30 colleagues quickly: target fan-out p99 < 50 ms. The server, the attackers and the honest clients
// run in three processes, so the figure is the server's, not the attackers' CPU in our process.

const SELF = fileURLToPath(import.meta.url);
const mode = process.argv[2];
if (mode === '--serve-tendik') {
  process.on('SIGTERM', () => process.exit(0));
  console.log(JSON.stringify({ port: await createApp(testConfig({ databasePath: process.argv[3]! })).listen() }));
} else if (mode === '--attack') {
  await attack(JSON.parse(process.argv[3]!) as AttackPlan);
} else {
  await main();
  process.exit(0);
}

interface AttackPlan {
  url: string;
  reviewId: string;
  flooder: { id: string; cookie: string };
  bigSender: { id: string; cookie: string };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-abuse-bench-'));
  const children: Array<{ kill(): void }> = [];
  try {
    const file = path.join(dir, 'tendik.sqlite');
    const db = openDatabase(file);
    const password = 'bench-password-1234';
    const user = (role: 'secretary' | 'expert', name: string) => createUser(db, { email: `${name}@bench.local`, name, role, password, committee: null });
    const secretary = await user('secretary', 'secretary');
    const honest = await user('expert', 'honest');
    const flooder = await user('expert', 'flooder');
    const bigSender = await user('expert', 'big');
    const readers = [];
    for (let i = 0; i < 6; i += 1) readers.push(await user('expert', `reader${i}`));
    const review = createSampleReview(db, secretary.id, [honest, flooder, bigSender, ...readers].map((u) => u.id));
    db.close();

    const server = await startChild(SELF, ['--serve-tendik', file]);
    children.push(server.child);
    const cookie = async (u: { email: string }) => (await login(server.url, u.email, password)).cookie;
    const honestCookie = await cookie(honest);
    const readerCookies = await Promise.all(readers.map(cookie));
    const ref = { reviewId: review.id, doc: authorDocName(honest.id) };

    // 30 receivers over six reader accounts (five tabs each, within the per-person socket cap).
    const measure = async (): Promise<number[]> => {
      const sender = await connect(server.url, honestCookie);
      const receivers: Socket[] = [];
      for (let i = 0; i < 30; i += 1) receivers.push(await connect(server.url, readerCookies[i % readerCookies.length]!));
      for (const s of [sender, ...receivers]) await joinDoc(s, ref.reviewId, ref.doc);
      const samples = await fanOut(sender, receivers, ref, 200, 20);
      for (const s of [sender, ...receivers]) s.disconnect();
      return samples;
    };

    console.log('measuring without attack');
    const quiet = await measure();
    console.log('measuring under attack');
    const plan: AttackPlan = {
      url: server.url,
      reviewId: review.id,
      flooder: { id: flooder.id, cookie: await cookie(flooder) },
      bigSender: { id: bigSender.id, cookie: await cookie(bigSender) },
    };
    const attacker = await startChild(SELF, ['--attack', JSON.stringify(plan)]);
    children.push(attacker.child);
    // Let the flood reach its steady state (the bursts spent) before measuring.
    await new Promise((r) => setTimeout(r, 3000));
    const attacked = await measure();
    attacker.child.kill('SIGTERM');
    const report = await new Promise<string>((resolve) => {
      let out = '';
      attacker.child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      attacker.child.once('exit', () => resolve(out));
      setTimeout(() => resolve(out), 3000);
    });

    const line = (samples: number[]) =>
      `p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, max ${samples[samples.length - 1]!.toFixed(2)} ms (n=${samples.length})`;
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    figure('honest fan-out to 30 clients, nobody attacking', line(quiet));
    figure('same, while 5 sockets flood and 3 MB frames arrive', line(attacked));
    const attackFigures = /\{"attack".*\}/.exec(report)?.[0];
    if (attackFigures) {
      const a = JSON.parse(attackFigures) as { attack: { accepted: number; refused: number; seconds: number; bigFrames: number; bigClosed: number; cutOffs: number; refusedConnects: number } };
      figure('the flood: updates accepted / refused', `${a.attack.accepted} / ${a.attack.refused} in ${a.attack.seconds.toFixed(1)} s (${(a.attack.accepted / a.attack.seconds).toFixed(0)} accepted per s)`);
      figure('the flood: sockets cut off / reconnections refused', `${a.attack.cutOffs} / ${a.attack.refusedConnects}`);
      figure('3 MB frames sent / their socket closed by the server', `${a.attack.bigFrames} / ${a.attack.bigClosed}`);
    }
    figure('target: honest p99 < 50 ms under attack', percentile(attacked, 99) < 50 ? 'met' : 'MISSED');
  } finally {
    for (const c of children) c.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The attackers, in a process of their own: five flooding sockets of one account and one 3 MB sender. */
async function attack(plan: AttackPlan): Promise<void> {
  const started = performance.now();
  let accepted = 0;
  let refused = 0;
  let bigFrames = 0;
  let bigClosed = 0;
  let running = true;
  process.on('SIGTERM', () => {
    running = false;
    console.log(JSON.stringify({ attack: { accepted, refused, seconds: (performance.now() - started) / 1000, bigFrames, bigClosed, cutOffs, refusedConnects } }));
    process.exit(0);
  });
  const doc = authorDocName(plan.flooder.id);
  // A determined attacker: five sockets, each reconnecting as soon as it is closed or refused.
  let cutOffs = 0;
  let refusedConnects = 0;
  const flood = async () => {
    const local = new Y.Doc();
    let last: Uint8Array = new Uint8Array();
    local.on('update', (u: Uint8Array) => (last = u));
    while (running) {
      const socket = await connect(plan.url, plan.flooder.cookie).catch(() => null);
      if (!socket) {
        refusedConnects += 1;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      socket.on('collab:error', (e: { code?: string }) => e.code === 'COLLAB_CUT_OFF' && (cutOffs += 1));
      await joinDoc(socket, plan.reviewId, doc).catch(() => undefined);
      // Valid updates, 50 in flight: as fast as the server answers, refusals ignored.
      const one = async (): Promise<void> => {
        while (running && socket.connected) {
          addAnnotation(local, plan.flooder.id, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: 'поток' });
          const answer = (await socket.timeout(5_000).emitWithAck('y:update', { reviewId: plan.reviewId, doc, update: last }).catch(() => ({ ok: false }))) as { ok: boolean };
          if (answer.ok) accepted += 1;
          else refused += 1;
        }
      };
      await Promise.all(Array.from({ length: 50 }, one));
      socket.close();
    }
  };
  const big = async () => {
    const payload = new Uint8Array(3 * 1024 * 1024).fill(7);
    while (running) {
      const socket = await connect(plan.url, plan.bigSender.cookie).catch(() => null);
      if (!socket) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      bigFrames += 1;
      const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
      socket.emit('y:update', { reviewId: plan.reviewId, doc: authorDocName(plan.bigSender.id), update: payload });
      await Promise.race([closed.then(() => (bigClosed += 1)), new Promise((r) => setTimeout(r, 2000))]);
      socket.close();
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  console.log(JSON.stringify({ port: 0 }));
  const only = process.env.TENDIK_ABUSE_ONLY; // 'flood' or 'big': one attack alone, to see which costs what
  await Promise.all([...(only === 'big' ? [] : Array.from({ length: 5 }, flood)), ...(only === 'flood' ? [] : [big()])]);
}
