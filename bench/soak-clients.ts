import type { IntervalHistogram } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { CollabProvider } from '../client/collab/provider';
import { addAnnotation, authorMap } from '../shared/collab/author-doc';
import type { Severity } from '../shared/review-model';
import { authorDocName, CollabEvents, type DocName, type JoinAck, type UpdateAck } from '../shared/protocol';
import { connectSocket, prng } from '../test/collab/harness';
import { findingBody, loopDelayMonitor, loopDelayMs, type ClientSpec, type FromClients, type PresenceMode, type SeenResult, type ToClients, type WriterResult } from './soak-lib';

/**
 * One client process of the soak benchmark (`soak.bench.ts --clients`): some of the 150 clients, each
 * a socket.io connection of its own with the real CollabProvider on the review's text, engine and the
 * writers' author docs. Writers add a finding every 1–3 s to their own author doc over a raw socket
 * exchange on the same connection, so each write's acknowledgement can be timed; the provider would
 * fold several in-flight writes into one 'settled'. The driver steers it over the IPC channel.
 */

const ACK_TIMEOUT_MS = 30_000;
const RETRY_MS = 1000;
const SEVERITIES: Severity[] = ['note', 'concern', 'violation'];
/** Words of the sample draft (test/collab/harness.ts sampleTree) the findings point at. */
const ANCHORS = [
  { clauseId: 'a1', quote: { exact: 'право на труд', prefix: 'Каждый гражданин имеет ', suffix: ' и на свободный выбор' } },
  { clauseId: 'a2.p1', quote: { exact: 'равную оплату', prefix: 'Работодатель обязан обеспечить ', suffix: ' за равный труд' } },
  { clauseId: 'a2.p2', quote: { exact: 'своего заместителя', prefix: 'Руководитель назначает ', suffix: ' из числа работников' } },
  { clauseId: 'a3', quote: { exact: 'вступает в силу', prefix: 'Настоящий Закон ', suffix: ' со дня официального' } },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One expert writing findings into her author doc, timing each from its emit to the server's ack. */
class Writer {
  private readonly doc = new Y.Doc();
  private readonly ref: { reviewId: string; doc: DocName };
  private readonly inflight = new Set<Promise<void>>();
  private stopped = false;
  private goAt = 0;
  readonly result: WriterResult;

  constructor(
    private readonly socket: Socket,
    reviewId: string,
    private readonly userId: string,
    private readonly random: () => number,
  ) {
    this.ref = { reviewId, doc: authorDocName(userId) };
    this.result = { userId, written: [], acked: [], latencies: [], refused: {}, timeouts: 0 };
    // After a reconnect the server has forgotten the join; writes retry until it is back.
    socket.on('connect', () => void this.join().catch(() => undefined));
  }

  async join(): Promise<void> {
    const answer = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(CollabEvents.join, this.ref)) as JoinAck;
    if (!answer.ok) throw new Error(`${this.ref.doc}: join refused (${answer.code})`);
  }

  async run(goAt: number): Promise<void> {
    this.goAt = goAt;
    // Desynchronised from the start, then one finding every 1–3 s.
    await sleep(this.random() * 3000);
    while (!this.stopped) {
      this.write();
      await sleep(1000 + this.random() * 2000);
    }
  }

  /** Stops writing and waits (bounded) for the writes still unanswered. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.race([Promise.all(this.inflight), sleep(2 * ACK_TIMEOUT_MS)]);
  }

  private write(): void {
    const r = this.random;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    const seq = this.result.written.length + 1;
    const { id } = addAnnotation(this.doc, this.userId, {
      kind: 'finding',
      anchor: ANCHORS[Math.floor(r() * ANCHORS.length)]!,
      criterionId: `C${1 + Math.floor(r() * 17)}`,
      severity: SEVERITIES[Math.floor(r() * SEVERITIES.length)]!,
      body: findingBody(seq),
    });
    this.doc.off('update', capture);
    this.result.written.push(id);
    const sending = this.send(id, update!).finally(() => this.inflight.delete(sending));
    this.inflight.add(sending);
  }

  /** Sends until the server says it stored the update; a refusal or silence is followed by a resend. */
  private async send(id: string, update: Uint8Array): Promise<void> {
    const sentAt = performance.now();
    for (;;) {
      try {
        const ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(CollabEvents.update, { ...this.ref, update })) as UpdateAck;
        if (ack.ok) {
          const now = performance.now();
          this.result.acked.push(id);
          this.result.latencies.push([now - this.goAt, now - sentAt]);
          return;
        }
        this.result.refused[ack.code] = (this.result.refused[ack.code] ?? 0) + 1;
      } catch {
        this.result.timeouts += 1;
      }
      if (this.stopped && performance.now() - sentAt > 2 * ACK_TIMEOUT_MS) return;
      await sleep(RETRY_MS);
    }
  }
}

/** One connection: the provider on the shared docs and the followed writers' docs, maybe a writer too. */
class SoakClient {
  readonly socket: Socket;
  readonly provider: CollabProvider;
  /** Followed writers' author docs, by writer id. */
  readonly followed = new Map<string, Y.Doc>();
  readonly writer: Writer | null;
  readonly userId: string;

  constructor(url: string, reviewId: string, spec: ClientSpec, writers: readonly string[], presence: PresenceMode, random: () => number) {
    this.userId = spec.userId;
    this.socket = connectSocket(url, { cookie: spec.cookie }, { reconnection: true });
    this.provider = new CollabProvider(this.socket, reviewId);
    const open = (name: DocName) => {
      const handle = this.provider.open(name);
      // Before the socket connects, so the empty state is never announced.
      if (presence === 'every-doc' && name !== 'text') handle.awareness.setLocalState({});
      return handle.doc;
    };
    open('text');
    open('engine');
    // A writer's own doc goes over the raw exchange below; the provider would send its changes too.
    for (const w of writers) if (w !== spec.userId) this.followed.set(w, open(authorDocName(w)));
    this.writer = spec.writer ? new Writer(this.socket, reviewId, spec.userId, random) : null;
  }

  async ready(): Promise<void> {
    await this.provider.whenSynced(120_000);
    await this.writer?.join();
  }

  /** What this client lacks of the stored annotations, and what it has that was never stored. */
  compare(stored: Record<string, string[]>): Omit<SeenResult, 'userId'> {
    let missing = 0;
    let extra = 0;
    const missingSample: string[] = [];
    for (const [writer, doc] of this.followed) {
      const have = new Set(authorMap(doc, 'annotations').keys());
      const expected = new Set(stored[writer] ?? []);
      for (const id of expected)
        if (!have.has(id)) {
          missing += 1;
          if (missingSample.length < 3) missingSample.push(id);
        }
      for (const id of have) if (!expected.has(id)) extra += 1;
    }
    return { missing, extra, missingSample };
  }

  close(): void {
    this.provider.destroy();
    this.socket.disconnect();
  }
}

/** The client process: waits for the driver's orders on the IPC channel. */
export function runClients(): void {
  const send = (msg: FromClients) => process.send!(msg);
  const clients: SoakClient[] = [];
  const writing: Array<Promise<void>> = [];
  const received = { updates: 0, awareness: 0 };
  const disconnects: Record<string, number> = {};
  const serverErrors: Record<string, number> = {};
  const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);
  let counting = false;
  let unhandledRejections = 0;
  process.on('unhandledRejection', () => (unhandledRejections += 1));
  // Over the writing only: connecting 30 clients is another load.
  let delay: IntervalHistogram | null = null;

  const start = async (msg: Extract<ToClients, { type: 'start' }>) => {
    const began = performance.now();
    // One after another, as people open a review, not all in the same millisecond.
    for (const [i, spec] of msg.clients.entries()) {
      const client = new SoakClient(msg.url, msg.reviewId, spec, msg.writers, msg.presence, prng(msg.seed + i));
      client.socket.on(CollabEvents.update, () => counting && (received.updates += 1));
      client.socket.on(CollabEvents.awareness, () => counting && (received.awareness += 1));
      client.socket.on('disconnect', (reason: string) => count(disconnects, reason));
      client.socket.on(CollabEvents.error, (error: { code?: unknown }) => count(serverErrors, String(error?.code)));
      clients.push(client);
      await client.ready();
    }
    send({ type: 'ready', connectMs: performance.now() - began });
  };

  const stop = async () => {
    // The rates are over the writing, as the driver's CPU figures; answers still awaited are not.
    counting = false;
    delay!.disable();
    await Promise.all(clients.map((c) => c.writer?.stop()));
    await Promise.all(writing);
    send({
      type: 'written',
      writers: clients.flatMap((c) => (c.writer ? [c.writer.result] : [])),
      received,
      disconnects,
      unhandledRejections,
      serverErrors,
      loopDelay: loopDelayMs(delay!),
    });
  };

  /** Waits until every client holds exactly what the server stored (or the time is up), then reports. */
  const expect = async ({ stored, timeoutMs }: Extract<ToClients, { type: 'expect' }>) => {
    const began = performance.now();
    const converged = () =>
      clients.every((c) => {
        const { missing, extra } = c.compare(stored);
        return missing === 0 && extra === 0;
      });
    while (!converged() && performance.now() - began < timeoutMs) await sleep(200);
    const convergeMs = performance.now() - began;
    send({ type: 'seen', convergeMs, clients: clients.map((c) => ({ userId: c.userId, ...c.compare(stored) })) });
  };

  // Leaving as a browser tab does: the server hears each socket go and unloads the docs after the last.
  const close = async () => {
    for (const c of clients) c.close();
    await sleep(500);
    process.exit(0);
  };

  process.on('message', (msg: ToClients) => {
    const fail = (err: unknown) => {
      console.error('[soak clients]', err);
      process.exit(1);
    };
    switch (msg.type) {
      case 'start':
        start(msg).catch(fail);
        break;
      case 'go': {
        counting = true;
        delay = loopDelayMonitor();
        const goAt = performance.now();
        for (const c of clients) if (c.writer) writing.push(c.writer.run(goAt));
        break;
      }
      case 'stop':
        stop().catch(fail);
        break;
      case 'expect':
        expect(msg).catch(fail);
        break;
      case 'close':
        close().catch(fail);
    }
  });
  // The driver gone (killed, crashed): no orphan keeps 30 sockets open.
  process.on('disconnect', () => process.exit(0));
}
