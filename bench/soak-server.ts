import { createApp } from '../server/app';
import { testConfig } from '../server/config';
import { CollabEvents } from '../shared/protocol';
import { percentile } from './lib';
import { loopDelayMonitor, loopDelayMs, type LoopDelay } from './soak-lib';

/** What the server process says of itself when asked (SIGUSR2): memory after a full GC, event-loop delay. */
export interface ServerStats {
  rssMb: number;
  heapMb: number;
  /** Event-loop delay since the previous report, ms: how long a message waited before the server ran it. */
  loopDelay: LoopDelay;
  /**
   * Since the previous report, each y:update from the moment socket.io hands it to the server's
   * handlers to its ack (validation, SQLite, relaying to the others): the server's own part of an ack.
   */
  handling: { p50: number; p99: number; max: number; n: number };
}

/**
 * The real server on a random loopback port, alone in this process. It prints `{"port": …}` when
 * listening (startChild waits for it) and `{"stats": …}` on every SIGUSR2; SIGTERM closes it cleanly.
 */
export async function serve(file: string): Promise<void> {
  const app = createApp(testConfig({ databasePath: file }));
  const gc = (globalThis as { gc?: () => void }).gc;
  const delay = loopDelayMonitor();
  const handling = timeHandling(app.io);
  process.on('SIGUSR2', () => {
    // Twice: the first pass may only finalize what the second frees.
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    const times = handling.splice(0).sort((a, b) => a - b);
    const stats: ServerStats = {
      rssMb: m.rss / 2 ** 20,
      heapMb: (m.heapUsed + m.external) / 2 ** 20,
      loopDelay: loopDelayMs(delay),
      handling: { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? NaN, n: times.length },
    };
    delay.reset();
    console.log(JSON.stringify({ stats }));
  });
  process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
  console.log(JSON.stringify({ port: await app.listen() }));
}

/**
 * Times every y:update from dispatch to ack, from the outside: a socket.io middleware of this process
 * swaps the ack for one that notes the time first. Middlewares run before any handler, whichever
 * 'connection' listener added them.
 */
function timeHandling(io: ReturnType<typeof createApp>['io']): number[] {
  const times: number[] = [];
  io.on('connection', (socket) =>
    socket.use((packet, next) => {
      const ack = packet[packet.length - 1] as unknown;
      if (packet[0] === CollabEvents.update && typeof ack === 'function') {
        const start = performance.now();
        packet[packet.length - 1] = (answer: unknown) => {
          times.push(performance.now() - start);
          ack(answer);
        };
      }
      next();
    }),
  );
  return times;
}
