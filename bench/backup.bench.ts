import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { createApp } from '../server/app';
import { testConfig } from '../server/config';
import { listBackups } from '../server/ops/backup';
import { openDatabase } from '../server/storage/db';
import { addAnnotation } from '../shared/collab/author-doc';
import { authorDocName } from '../shared/protocol';
import { corpusAvailable } from '../test/helpers/corpus';
import { login } from '../test/helpers/app';
import { connectSocket } from '../test/collab/harness';
import { join, sendUpdate } from '../test/collab/fixtures';
import { figure, percentile } from './lib';

/**
 * Backups of the 500-finding Criminal Code review (the export bench's review: the code imported, an
 * expert's 500 findings, the secretary's 500 decisions, the engine's analysis) while the server works:
 * `npm run backup` from a process of its own, idle and while a secretary writes findings over a real
 * socket, and the server's own scheduled copy (same connection, ~4 MB per step). Figures: time, size,
 * and the writer's acknowledgement latency outside and during the copies. docs/benchmarks.md, "Backup".
 */
const DIR = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_FILE = 'kg_criminal_code_2021_ru.txt';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function cliBackup(databasePath: string, file: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(DIR, '..', 'server', 'cli', 'backup.ts'), file], {
    env: { ...process.env, TENDIK_DB: databasePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`npm run backup failed: ${out}`));
      // The copy's own time as the command printed it (without Node's and tsx's start-up).
      const ms = Number(/, (\d+) ms\)/.exec(out)?.[1] ?? performance.now() - started);
      resolve({ ms, bytes: fs.statSync(file).size });
    }),
  );
}

if (!corpusAvailable(CORPUS_FILE)) {
  console.log(`SKIPPED: ../shared/corpus/${CORPUS_FILE} is absent; the backup benchmark needs the Criminal Code.`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-bench-backup-'));
  const databasePath = path.join(dir, 'bench.sqlite');
  try {
    // The export bench builds the review and writes the database (its 'setup' mode).
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(DIR, 'export.bench.ts'), 'setup', databasePath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench setup failed: ${child.stderr}`);
    const setup = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { reviewId: string; email: string; password: string };
    const dbBytes = ['', '-wal'].reduce((sum, s) => sum + (fs.existsSync(databasePath + s) ? fs.statSync(databasePath + s).size : 0), 0);
    figure('database: Criminal Code, 500 findings + 500 decisions', `${mb(dbBytes)} (file and WAL)`);

    const tendik = createApp(testConfig({ databasePath, backup: { dir: path.join(dir, 'scheduled'), intervalMs: 24 * 3600_000, keep: 3 } }), openDatabase(databasePath));
    const port = await tendik.listen();
    const url = `http://127.0.0.1:${port}`;

    // Idle: nobody writes.
    const idle: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < RUNS; i++) idle.push(await cliBackup(databasePath, path.join(dir, `idle-${i}.sqlite`)));
    figure('npm run backup, idle server', `median ${median(idle.map((r) => r.ms))} ms, ${mb(idle[0]!.bytes)} (n=${RUNS})`);

    // A secretary writes findings one after another over a real socket, each awaited until acknowledged.
    const auth = await login({ url }, setup.email, setup.password);
    const me = ((await (await fetch(`${url}/api/auth/me`, { headers: { cookie: auth.cookie } })).json()) as { user: { id: string } }).user.id;
    const socket = connectSocket(url, auth);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    const doc = authorDocName(me);
    if (!(await join(socket, setup.reviewId, doc)).writable) throw new Error('the secretary cannot write her doc');
    const local = new Y.Doc();
    let pending: Uint8Array | null = null;
    local.on('update', (u: Uint8Array) => (pending = u));
    let stop = false;
    let during = false;
    const latency = { outside: [] as number[], during: [] as number[] };
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        addAnnotation(local, me, { kind: 'comment', anchor: { clauseId: 'a1', quote: { exact: 'Статья 1', prefix: '', suffix: '' } }, body: `Замечание ${i}` });
        const t = performance.now();
        const copying = during;
        const answer = await sendUpdate(socket, setup.reviewId, doc, pending!);
        if (!answer.ok) throw new Error(`update refused: ${JSON.stringify(answer)}`);
        (copying || during ? latency.during : latency.outside).push(performance.now() - t);
        // About 20 findings a second: a busy day's whole team.
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 2000));

    const loaded: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      during = true;
      loaded.push(await cliBackup(databasePath, path.join(dir, `loaded-${i}.sqlite`)));
      during = false;
      await new Promise((r) => setTimeout(r, 1000));
    }
    figure('npm run backup, while a secretary writes (~20 updates/s)', `median ${median(loaded.map((r) => r.ms))} ms, ${mb(loaded.at(-1)!.bytes)} (n=${RUNS})`);

    const scheduled: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      during = true;
      const t = performance.now();
      await tendik.backups!.runNow();
      scheduled.push(performance.now() - t);
      during = false;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const newest = listBackups(path.join(dir, 'scheduled'))[0]!;
    figure("the server's scheduled copy, while she writes", `median ${median(scheduled).toFixed(0)} ms, ${mb(fs.statSync(newest).size)} (n=${RUNS}, ~4 MB per step)`);
    stop = true;
    await writer;
    const fmt = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `p50 ${percentile(s, 50).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
    };
    figure('ack latency, no copy under way', fmt(latency.outside));
    figure('ack latency, during a copy', fmt(latency.during));
    socket.close();
    await tendik.close();
    figure('load average (1 min) at the end', os.loadavg()[0]!.toFixed(2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
