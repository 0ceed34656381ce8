import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * What the soak benchmark's processes share (soak.bench.ts drives, soak-server.ts serves,
 * soak-clients.ts connects): the messages on the IPC channel to the client processes, the shape of a
 * finding, and event-loop delay in milliseconds. Nothing heavy is imported here, so no process loads
 * another's code.
 */

export interface ClientSpec {
  userId: string;
  cookie: string;
  writer: boolean;
}

/**
 * Where a client announces presence. `text` is what the provider does: presence on the draft only
 * (client/collab/provider.ts carriesPresence). `every-doc` gives every doc a state of its own, as the
 * provider did before: announced at join and renewed every 15 s on all 32 docs — kept to show why not.
 */
export type PresenceMode = 'every-doc' | 'text';

export type ToClients =
  | { type: 'start'; url: string; reviewId: string; clients: ClientSpec[]; writers: string[]; seed: number; presence: PresenceMode }
  | { type: 'go' }
  | { type: 'stop' }
  | { type: 'expect'; stored: Record<string, string[]>; timeoutMs: number }
  | { type: 'close' };

export interface WriterResult {
  userId: string;
  /** Ids of the findings written, in order. */
  written: string[];
  acked: string[];
  /** [ms since go when acknowledged, ms from the first emit to the ok ack], one per acknowledged write. */
  latencies: Array<[number, number]>;
  /** Acks that refused the write (rate limit, not joined …), by code; the write was sent again. */
  refused: Record<string, number>;
  /** Sends with no answer in time (sent again). */
  timeouts: number;
}

export interface SeenResult {
  userId: string;
  /** Stored annotation ids of the followed writers this client does not have. */
  missing: number;
  /** Ids it has that the server did not store. */
  extra: number;
  missingSample: string[];
}

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export type FromClients =
  | { type: 'ready'; connectMs: number }
  | {
      type: 'written';
      writers: WriterResult[];
      /** Messages the clients received while writers wrote. */
      received: { updates: number; awareness: number };
      /** Disconnects by socket.io's reason ('ping timeout', 'transport close' …); each reconnected. */
      disconnects: Record<string, number>;
      /**
       * Promises the provider dropped that rejected (its join's emitWithAck when the socket went): a
       * browser logs them and goes on; here they are counted, not left to end the process.
       */
      unhandledRejections: number;
      /** `collab:error` messages from the server (refusals without an ack, cut-offs), by code. */
      serverErrors: Record<string, number>;
      loopDelay: LoopDelay;
    }
  | { type: 'seen'; clients: SeenResult[]; convergeMs: number };

/** Every finding says which of its writer's writes it is, so one stored twice under two ids shows. */
export function findingBody(seq: number): string {
  return `Замечание ${seq}: норма не учитывает различное положение женщин и мужчин; нужен механизм контроля.`;
}

export function findingSeq(body: string): number {
  return Number(/^Замечание (\d+):/.exec(body)?.[1] ?? NaN);
}

const LOOP_DELAY_RESOLUTION_MS = 10;

/** An event-loop delay monitor (perf_hooks), started. */
export function loopDelayMonitor(): IntervalHistogram {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  histogram.enable();
  return histogram;
}

/**
 * The histogram in milliseconds of delay. It records the time between two ticks of its own timer, so an
 * idle loop reads as the resolution: that is taken off, leaving how late the loop was.
 */
export function loopDelayMs(histogram: IntervalHistogram): LoopDelay {
  const late = (ns: number) => Math.round(Math.max(0, ns / 1e6 - LOOP_DELAY_RESOLUTION_MS) * 100) / 100;
  return { p50: late(histogram.percentile(50)), p99: late(histogram.percentile(99)), max: late(histogram.max) };
}
