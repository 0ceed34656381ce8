import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { newAnnotationId } from '../shared/collab/record-ids';
import { authorOfDoc, CLIENT_MAX_INBOUND_BYTES, type DocName } from '../shared/protocol';

/**
 * Pieces of the collaboration benchmark: the bare Yjs relay used as the baseline, starting a server
 * as a child process, and timing the fan-out of one update to many clients.
 */

/**
 * The baseline: a minimal y-websocket-style relay over socket.io — one Y.Doc per name, an update is
 * applied and broadcast to everyone else on the doc, then acknowledged. No authentication, no
 * validation, no persistence: what any Yjs server does at the least. Same message shapes as Tendik.
 */
export async function startBareRelay(maxFrameBytes: number): Promise<number> {
  const httpServer = http.createServer();
  const io = new SocketServer(httpServer, { maxHttpBufferSize: maxFrameBytes, serveClient: false });
  const docs = new Map<string, Y.Doc>();
  const docOf = (name: string) => {
    let doc = docs.get(name);
    if (!doc) docs.set(name, (doc = new Y.Doc()));
    return doc;
  };
  io.on('connection', (socket) => {
    socket.on('doc:join', (msg: { reviewId: string; doc: string }, ack: (a: unknown) => void) => {
      const key = `${msg.reviewId}/${msg.doc}`;
      void socket.join(key);
      ack({ ok: true, writable: true, stateVector: Y.encodeStateVector(docOf(key)) });
    });
    socket.on('y:update', (msg: { reviewId: string; doc: string; update: Uint8Array }, ack: (a: unknown) => void) => {
      const key = `${msg.reviewId}/${msg.doc}`;
      Y.applyUpdate(docOf(key), msg.update, socket);
      socket.to(key).emit('y:update', msg);
      ack({ ok: true });
    });
  });
  return new Promise((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve((httpServer.address() as { port: number }).port)));
}

/**
 * Runs `script args…` under tsx and resolves once it printed `{"port": …}`. With TENDIK_BENCH_CPU_PROF
 * set to a directory, the Tendik server child writes a V8 CPU profile there when it exits (how the
 * per-update costs in docs/benchmarks.md were found).
 */
export function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.TENDIK_BENCH_CPU_PROF;
  const flags = profile && args[0] === '--serve-tendik' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', ...flags, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{"port".*\}$/m.exec(out)?.[0];
      if (line) resolve({ child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    });
    child.once('exit', (code, signal) => reject(new Error(`${script} exited (${code ?? signal}) before listening`)));
  });
}

export function connect(url: string, cookie: string | null): Promise<Socket> {
  const socket = ioClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
    ...({ maxPayload: CLIENT_MAX_INBOUND_BYTES } as object),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function joinDoc(socket: Socket, reviewId: string, doc: string): Promise<void> {
  const answer = (await socket.timeout(30_000).emitWithAck('doc:join', { reviewId, doc })) as { ok: boolean; code?: string };
  if (!answer.ok) throw new Error(`join ${doc} refused: ${answer.code}`);
}

/**
 * One sender adds annotations to a doc, one at a time; every receiver applies each update to its own
 * Y.Doc, as a client would. Latency = from the sender's emit to a receiver having applied it, one
 * sample per receiver per annotation. The next annotation goes out once all receivers have the last.
 */
export async function fanOut(
  sender: Socket,
  receivers: Socket[],
  ref: { reviewId: string; doc: string },
  rounds: number,
  warmup: number,
): Promise<number[]> {
  const local = new Y.Doc();
  // The server takes records in an author doc only under ids of that author (record-ids.ts).
  const owner = authorOfDoc(ref.doc as DocName);
  if (owner === null) throw new RangeError(`fanOut writes annotations: ${ref.doc} is not an author doc`);
  const replicas = receivers.map(() => new Y.Doc());
  const samples: number[] = [];
  let sentAt = 0;
  let arrived = 0;
  let recording = false;
  let done: () => void = () => {};
  receivers.forEach((socket, i) => {
    socket.on('y:update', (msg: { update: Uint8Array }) => {
      Y.applyUpdate(replicas[i]!, msg.update);
      if (recording) samples.push(performance.now() - sentAt);
      arrived += 1;
      if (arrived === receivers.length) done();
    });
  });
  let update: Uint8Array = new Uint8Array();
  local.on('update', (u: Uint8Array) => (update = u));
  for (let round = 0; round < warmup + rounds; round += 1) {
    recording = round >= warmup;
    const id = newAnnotationId(owner);
    local.getMap('annotations').set(id, {
      id,
      kind: 'finding',
      anchor: { clauseId: 'a2.p1', quote: { exact: 'равную оплату', prefix: 'Работодатель обязан обеспечить ', suffix: ' за равный труд' } },
      criterionId: 'C1',
      severity: 'concern',
      body: 'Норма закрепляет равную оплату; проверить механизм контроля.',
      status: 'open',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    arrived = 0;
    const all = new Promise<void>((resolve) => (done = resolve));
    sentAt = performance.now();
    const acked = new Promise<void>((resolve, reject) =>
      sender.emit('y:update', { ...ref, update }, (a: { ok: boolean; code?: string }) => (a.ok ? resolve() : reject(new Error(a.code)))),
    );
    await Promise.all([all, acked]);
    // A short pause: this measures latency, not throughput.
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const socket of receivers) socket.off('y:update');
  return samples.sort((a, b) => a - b);
}

/** Signs in over HTTP as a browser would; the session cookie and CSRF token for the next requests. */
export async function login(url: string, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}
