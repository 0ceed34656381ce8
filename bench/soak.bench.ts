import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './collab-lib';
import { figure, percentile } from './lib';
import type { ClientSpec, FromClients, PresenceMode, SeenResult, ToClients, WriterResult } from './soak-lib';
import type { ServerStats } from './soak-server';
import type { SoakPlan } from './soak-store';

// Soak: 150 people on one review for 10 minutes — 1 secretary and 149 member experts, 30 of
// whom write a finding every 1–3 s while everyone follows the text, the engine and the 30 writers'
// docs through the real client provider. The server runs alone in a process; the clients are spread
// over CLIENT_PROCESSES processes of their own, so the server's CPU and event loop can be told apart
// from the clients' (a single-process run of 150 clients measured an ack p99 of 7.3 s and could not
// say whose).
//
// Reports: annotations acknowledged / stored in SQLite / seen by every client (0 lost, 0 duplicated);
// ack latency (writer's emit → server's ack; target p99 < 250 ms); server RSS every 10 s and after the
// clients left; server and client CPU; the load average. TENDIK_SOAK_SECONDS (10–3600, default 600)
// sets how long the writers write; TENDIK_SOAK_PRESENCE=every-doc announces presence on every doc,
// as the provider once did (default text, what it does now; see PresenceMode).

const SELF = fileURLToPath(import.meta.url);
const EXPERTS = 149;
const WRITERS = 30;
const CLIENT_PROCESSES = 5;
const SAMPLE_EVERY_MS = 10_000;
const ACK_P99_TARGET_MS = 250;
/** RSS the server may keep after the clients left, above what it had before they came (allocator slack). */
const RSS_MARGIN_MB = 16;
const SEED = 20261201;

const mode = process.argv[2];
// Each process loads only its own side: the server child no client code, the clients no server.
if (mode === '--serve-tendik') await (await import('./soak-server')).serve(process.argv[3]!);
else if (mode === '--clients') (await import('./soak-clients')).runClients();
else {
  await main();
  process.exit(0);
}

function soakSeconds(): number {
  const raw = process.env.TENDIK_SOAK_SECONDS;
  const seconds = raw ? Number(raw) : 600;
  if (!Number.isFinite(seconds) || seconds < 10 || seconds > 3600) throw new RangeError(`TENDIK_SOAK_SECONDS must be 10–3600, got "${raw}"`);
  return seconds;
}

function presenceMode(): PresenceMode {
  const raw = process.env.TENDIK_SOAK_PRESENCE || 'text';
  if (raw !== 'every-doc' && raw !== 'text') throw new RangeError(`TENDIK_SOAK_PRESENCE must be every-doc or text, got "${raw}"`);
  return raw;
}

async function main(): Promise<void> {
  const seconds = soakSeconds();
  const presence = presenceMode();
  const loadAtStart = os.loadavg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendik-soak-'));
  const children: ChildProcess[] = [];
  try {
    const file = path.join(dir, 'tendik.sqlite');
    // Read by server/auth/passwords.ts when it loads: 150 hashes at the default N=2^15 take minutes.
    process.env.TENDIK_SCRYPT_LOG_N ??= '12';
    const { seedSoak, storedAnnotations } = await import('./soak-store');
    const plan = await seedSoak(file, EXPERTS);
    const writers = plan.experts.slice(0, WRITERS).map((e) => e.userId);

    const server = await startChild(SELF, ['--serve-tendik', file]);
    children.push(server.child);
    const pid = server.child.pid!;
    const cold = await serverStats(server.child);
    await warmUp(server.url, plan);
    const before = await serverStats(server.child);
    const samples = startSampling(pid);

    const connectStart = performance.now();
    const processes = spreadClients(plan, writers).map((clients, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      order(child, { type: 'start', url: server.url, reviewId: plan.reviewId, clients, writers, seed: SEED + i * 1000, presence });
      return child;
    });
    await Promise.all(processes.map((c) => reply(c, 'ready')));
    const connectMs = performance.now() - connectStart;
    const clientPids = processes.map((c) => c.pid!);

    const connected = await serverStats(server.child); // also starts the server's delay window afresh
    const atGo = cpuSnapshot(pid, clientPids);
    for (const c of processes) order(c, { type: 'go' });
    await sleep(seconds * 1000);
    const loadAtEnd = os.loadavg();
    const atStop = cpuSnapshot(pid, clientPids);
    const stopping = processes.map((c) => reply(c, 'written'));
    for (const c of processes) order(c, { type: 'stop' });
    const written = await Promise.all(stopping);
    const during = await serverStats(server.child);

    const stored = storedAnnotations(file, plan.reviewId, writers);
    const seeing = processes.map((c) => reply(c, 'seen'));
    for (const c of processes) order(c, { type: 'expect', stored: stored.ids, timeoutMs: 60_000 });
    const seen = await Promise.all(seeing);
    await Promise.all(processes.map((c) => closeClients(c)));
    // Give the server time to hear every socket go and unload the docs, then measure after a full GC.
    const leftAt = performance.now();
    await sleep(15_000);
    const after = await serverStats(server.child);
    clearInterval(samples.timer);
    const since = (at: number) => Math.round((at - samples.startedAt) / 1000);

    const writes = written.flatMap((w) => w.writers);
    report({
      seconds,
      presence,
      connectMs,
      writes,
      stored,
      seen: seen.flatMap((s) => s.clients),
      convergeMs: Math.max(...seen.map((s) => s.convergeMs)),
      written,
      cpu: { go: atGo, stop: atStop },
      rss: { mb: samples.rss, writingFrom: since(atGo.at), writingTo: since(atStop.at), leftAt: since(leftAt) },
      memory: { cold, before, connected, during, after },
      load: { start: loadAtStart, end: loadAtEnd },
    });
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
    await Promise.all(children.map((c) => exited(c, 10_000)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 150 clients over the client processes, writers spread evenly so no process does all the writing. */
function spreadClients(plan: SoakPlan, writers: readonly string[]): ClientSpec[][] {
  const people = [plan.secretary, ...plan.experts];
  const groups: ClientSpec[][] = Array.from({ length: CLIENT_PROCESSES }, () => []);
  people.forEach((p, i) => groups[i % CLIENT_PROCESSES]!.push({ ...p, writer: writers.includes(p.userId) }));
  return groups;
}

/**
 * The review's first join loads the checklist engine and analyses the draft: memory every later
 * review reuses. One client opens the shared docs and leaves first, so "before the clients came"
 * holds those caches and what remains after they left is theirs.
 */
async function warmUp(url: string, plan: SoakPlan): Promise<void> {
  const { openClient } = await import('../test/collab/harness');
  const client = await openClient(url, plan.secretary, plan.reviewId, ['text', 'engine']);
  client.close();
  await sleep(1000);
}

function order(child: ChildProcess, msg: ToClients): void {
  child.send(msg);
}

/** The next message of `type` from a client process; rejects if the process ends first. */
function reply<T extends FromClients['type']>(child: ChildProcess, type: T): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: FromClients) => {
      if (msg.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(msg as Extract<FromClients, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`a client process exited (${code}) before '${type}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function closeClients(child: ChildProcess): Promise<void> {
  order(child, { type: 'close' });
  await exited(child, 10_000);
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Asks the server child for its memory after a full GC and its event-loop delay since the last ask. */
function serverStats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{"stats".*\}$/m.exec(out)?.[0];
      if (!line) return;
      child.stdout!.off('data', onData);
      resolve((JSON.parse(line) as { stats: ServerStats }).stats);
    };
    child.stdout!.on('data', onData);
    child.kill('SIGUSR2');
  });
}

// ---- /proc: what the kernel counts for each process, whatever the process thinks of itself ----

function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/** utime + stime of a process, ms (fields 14 and 15 of /proc/PID/stat, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The whole machine's busy and total ticks over all cores (/proc/stat; idle and iowait are not busy). */
function machineTicks(): { busy: number; total: number } {
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

interface CpuSnapshot {
  at: number;
  serverMs: number;
  clientsMs: number;
  machine: { busy: number; total: number };
}

function cpuSnapshot(serverPid: number, clientPids: readonly number[]): CpuSnapshot {
  return {
    at: performance.now(),
    serverMs: cpuMs(serverPid),
    clientsMs: clientPids.reduce((sum, pid) => sum + cpuMs(pid), 0),
    machine: machineTicks(),
  };
}

function startSampling(pid: number): { rss: number[]; startedAt: number; timer: NodeJS.Timeout } {
  const rss = [rssMb(pid)];
  const timer = setInterval(() => rss.push(rssMb(pid)), SAMPLE_EVERY_MS);
  return { rss, startedAt: performance.now(), timer };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---- the report ----

interface Outcome {
  seconds: number;
  presence: PresenceMode;
  connectMs: number;
  writes: WriterResult[];
  stored: { ids: Record<string, string[]>; duplicated: number };
  seen: SeenResult[];
  convergeMs: number;
  written: Array<Extract<FromClients, { type: 'written' }>>;
  cpu: { go: CpuSnapshot; stop: CpuSnapshot };
  /** RSS every SAMPLE_EVERY_MS from before the clients came; the phases in seconds on the same clock. */
  rss: { mb: number[]; writingFrom: number; writingTo: number; leftAt: number };
  memory: Record<'cold' | 'before' | 'connected' | 'during' | 'after', ServerStats>;
  load: { start: number[]; end: number[] };
}

function ms(v: number): string {
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ms`;
}

function report(o: Outcome): void {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  console.log(
    `${1 + EXPERTS} clients (${WRITERS} writers, ${1 + EXPERTS - WRITERS} readers) in ${CLIENT_PROCESSES} processes, server alone in one; ` +
      `${o.seconds} s of writing on ${os.cpus().length} cores; presence on ${o.presence === 'text' ? 'the text only' : 'every doc'}`,
  );
  figure('load average 1/5/15 min at start', load(o.load.start));
  figure('clients connected and synced (text, engine, 30 author docs)', `${(o.connectMs / 1000).toFixed(1)} s`);

  reportIntegrity(o);
  reportLatency(o);

  const { go, stop } = o.cpu;
  const wall = stop.at - go.at;
  const machine = (stop.machine.busy - go.machine.busy) / (stop.machine.total - go.machine.total);
  const [eldServer, eldClients] = [o.memory.during.loopDelay, o.written.map((w) => w.loopDelay)];
  figure('server CPU while writing (user+system, % of one core)', `${(((stop.serverMs - go.serverMs) / wall) * 100).toFixed(0)} %`);
  const handling = o.memory.during.handling;
  figure('server time per y:update, handed over → acked p50/p99/max', `${ms(handling.p50)} / ${ms(handling.p99)} / ${ms(handling.max)}  (n=${handling.n})`);
  figure('server event-loop delay p50 / p99 / max (until all answered)', `${ms(eldServer.p50)} / ${ms(eldServer.p99)} / ${ms(eldServer.max)}`);
  figure(`client processes CPU while writing (${CLIENT_PROCESSES} together)`, `${(((stop.clientsMs - go.clientsMs) / wall) * 100).toFixed(0)} % of one core`);
  figure('client event-loop delay p99 (best … worst process)', `${ms(Math.min(...eldClients.map((d) => d.p99)))} … ${ms(Math.max(...eldClients.map((d) => d.p99)))}`);
  const cores = os.cpus().length;
  const ours = (stop.serverMs - go.serverMs + stop.clientsMs - go.clientsMs) / wall;
  figure('machine CPU busy while writing', `${(machine * 100).toFixed(0)} % of ${cores} cores (others than server and clients: ${((machine * cores - ours) * 100).toFixed(0)} % of one core)`);
  const received = o.written.reduce((a, w) => ({ updates: a.updates + w.received.updates, awareness: a.awareness + w.received.awareness }), { updates: 0, awareness: 0 });
  figure('messages to clients per s: updates / awareness', `${(received.updates / (wall / 1000)).toFixed(0)} / ${(received.awareness / (wall / 1000)).toFixed(0)}`);
  figure('client disconnects, by reason', tally(o.written.map((w) => w.disconnects)));
  figure('  collab:error messages to clients, by code', tally(o.written.map((w) => w.serverErrors)));
  figure('  provider promises rejected unhandled', String(o.written.reduce((n, w) => n + w.unhandledRejections, 0)));

  reportMemory(o);
  figure('load average 1/5/15 min at end of writing', load(o.load.end));
}

/** Counts by key summed over processes or writers, as "key n, key n" ("0" when empty). */
function tally(parts: ReadonlyArray<Record<string, number>>): string {
  const sum = new Map<string, number>();
  for (const part of parts) for (const [key, n] of Object.entries(part)) sum.set(key, (sum.get(key) ?? 0) + n);
  return [...sum].map(([key, n]) => `${key} ${n}`).join(', ') || '0';
}

function reportIntegrity(o: Outcome): void {
  const written = o.writes.reduce((n, w) => n + w.written.length, 0);
  const acked = new Set(o.writes.flatMap((w) => w.acked));
  const stored = new Set(Object.values(o.stored.ids).flat());
  const lostInStore = [...acked].filter((id) => !stored.has(id)).length;
  // Yjs keeps an update whose predecessor it lacks as pending: not in the doc's 'update' event, so not
  // in the log. Counted apart, as it says why: a later write acked while an earlier one had not arrived.
  const behindGap = o.writes.reduce((n, w) => {
    const firstUnacked = w.written.findIndex((id) => !acked.has(id));
    return firstUnacked < 0 ? n : n + w.written.slice(firstUnacked + 1).filter((id) => acked.has(id) && !stored.has(id)).length;
  }, 0);
  const notSeen = o.seen.reduce((n, c) => n + c.missing, 0);
  const extra = o.seen.reduce((n, c) => n + c.extra, 0);
  // An id acked twice would be one write counted twice (a resend after a timeout that did arrive).
  const ackedTwice = o.writes.reduce((n, w) => n + w.acked.length, 0) - acked.size;
  const timeouts = o.writes.reduce((n, w) => n + w.timeouts, 0);
  const clientsSeeingAll = o.seen.filter((c) => c.missing === 0).length;

  figure('annotations written / acked ok / stored (SQLite replay)', `${written} / ${acked.size} / ${stored.size}`);
  figure('  seen by every client (after convergence)', `${clientsSeeingAll === o.seen.length ? stored.size : 'NO'} — ${clientsSeeingAll}/${o.seen.length} clients have all, converged in ${(o.convergeMs / 1000).toFixed(1)} s`);
  figure('  lost: acked not stored / stored not seen (client×id)', `${lostInStore} / ${notSeen}`);
  if (lostInStore > 0) figure('    acked not stored, written after an unacked one', String(behindGap));
  figure('  duplicated: stored twice / acked twice / unknown ids seen', `${o.stored.duplicated} / ${ackedTwice} / ${extra}`);
  figure('  refused acks (resent) / ack timeouts (resent)', `${tally(o.writes.map((w) => w.refused))} / ${timeouts}`);
  const ok = lostInStore === 0 && notSeen === 0 && o.stored.duplicated === 0 && ackedTwice === 0 && extra === 0 && acked.size === written;
  figure('target: 0 lost, 0 duplicated, every write acked', ok ? 'met' : 'MISSED');
  if (notSeen > 0) console.log(`  e.g. missing: ${o.seen.flatMap((c) => c.missingSample).slice(0, 3).join(', ')}`);
}

function reportLatency(o: Outcome): void {
  const all = o.writes.flatMap((w) => w.latencies.map(([, latency]) => latency)).sort((a, b) => a - b);
  const p99 = percentile(all, 99);
  figure('ack latency p50 / p99 / max (emit → stored, acked)', `${ms(percentile(all, 50))} / ${ms(p99)} / ${ms(all[all.length - 1] ?? NaN)}  (n=${all.length})`);
  figure(`target: ack p99 < ${ACK_P99_TARGET_MS} ms`, `${p99 < ACK_P99_TARGET_MS ? 'met' : 'MISSED'} (${ms(p99)})`);
  // A soak's point: does it get slower as the review fills up?
  const minutes = Math.ceil(o.seconds / 60);
  if (minutes > 1) {
    const byMinute = Array.from({ length: minutes }, (_, m) =>
      o.writes.flatMap((w) => w.latencies.filter(([at]) => at >= m * 60_000 && at < (m + 1) * 60_000).map(([, l]) => l)).sort((a, b) => a - b),
    );
    figure('ack p99 by minute', byMinute.map((s, m) => `${m}:${percentile(s, 99).toFixed(0)}`).join(' ') + ' ms');
  }
}

function reportMemory(o: Outcome): void {
  const { cold, before, connected, during, after } = o.memory;
  const { mb, writingFrom, writingTo, leftAt } = o.rss;
  const step = o.seconds <= 120 ? 1 : 6; // every 10 s in a short run, every minute in a long one
  const series = mb.filter((_, i) => i % step === 0).map((v, i) => `${(i * step * SAMPLE_EVERY_MS) / 1000}s:${v.toFixed(0)}`);
  figure('server RSS min / max, clients coming to 15 s after leaving', `${Math.min(...mb).toFixed(0)} / ${Math.max(...mb).toFixed(0)} MB`);
  console.log(`  every ${(step * SAMPLE_EVERY_MS) / 1000} s (MB; writing ${writingFrom}–${writingTo} s, clients gone at ${leftAt} s): ${series.join(' ')}`);
  const both = (s: ServerStats) => `RSS ${s.rssMb.toFixed(0)}, heap+ext ${s.heapMb.toFixed(1)}`;
  figure('server after GC: cold start', `${both(cold)} MB`);
  figure('  before the clients (review opened once and left)', `${both(before)} MB`);
  figure('  150 clients connected / at end of writing', `${both(connected)} / ${both(during)} MB`);
  figure('  15 s after all clients left', `${both(after)} MB`);
  const grew = after.rssMb - before.rssMb;
  figure(
    `no growth after the clients leave (RSS ≤ before + ${RSS_MARGIN_MB} MB)`,
    `${grew <= RSS_MARGIN_MB ? 'met' : 'MISSED'} (${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MB RSS, ${after.heapMb - before.heapMb >= 0 ? '+' : ''}${(after.heapMb - before.heapMb).toFixed(1)} MB heap)`,
  );
}
