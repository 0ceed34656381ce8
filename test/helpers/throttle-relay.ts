import net from 'node:net';
import { pairConnections } from './relay-pair';

/**
 * A loopback TCP relay in front of the server that behaves like a slow link: every byte crosses one
 * shared pipe per direction at `bytesPerSecond` (all the browser's connections share it, as on a
 * real line) and arrives `rttMs / 2` after it has been sent; a new connection pays one round trip
 * before its first byte, for the TCP handshake. It throttles whatever the browser sends and receives,
 * WebSocket frames included (Chromium's own DevTools throttling is per request and has not always
 * covered WebSockets). Cookies are per host, not port: a session made on the server's own port holds.
 */
export interface ThrottledRelay {
  readonly url: string;
  /** Bytes carried so far, server → browser and browser → server. */
  readonly bytes: { down: number; up: number };
  reset(): void;
  close(): Promise<void>;
}

export interface LinkProfile {
  downBytesPerSecond: number;
  upBytesPerSecond: number;
  rttMs: number;
}

/** 1.5 Mbit/s each way, 300 ms round trip: the link of issue 17. */
export const SLOW_LINK: LinkProfile = { downBytesPerSecond: 1_500_000 / 8, upBytesPerSecond: 1_500_000 / 8, rttMs: 300 };

/** One direction of the link: chunks leave in order, each after the previous one has been sent. */
class Pipe {
  private busyUntil = 0;
  carried = 0;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly delayMs: number,
  ) {}

  /** When a chunk handed over now (plus `extraMs`) arrives at the other end. */
  schedule(length: number, extraMs = 0): number {
    const now = performance.now() + extraMs;
    const start = Math.max(now, this.busyUntil);
    this.busyUntil = start + (length / this.bytesPerSecond) * 1000;
    this.carried += length;
    return this.busyUntil + this.delayMs;
  }
}

export async function throttledRelay(targetPort: number, profile: LinkProfile = SLOW_LINK): Promise<ThrottledRelay> {
  const down = new Pipe(profile.downBytesPerSecond, profile.rttMs / 2);
  const up = new Pipe(profile.upBytesPerSecond, profile.rttMs / 2);
  const open = new Set<net.Socket>();

  /**
   * Forwards `from` → `to` through `pipe`, in order: one queue and one timer per direction of a
   * connection (timers of different lengths due at the same moment may fire in either order).
   */
  const forward = (from: net.Socket, to: net.Socket, pipe: Pipe, handshakeMs: number) => {
    const queue: Array<{ at: number; chunk: Buffer | null }> = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let first = true;
    const drain = () => {
      timer = null;
      const now = performance.now();
      while (queue.length > 0 && queue[0]!.at <= now) {
        const { chunk } = queue.shift()!;
        if (to.destroyed) continue;
        if (chunk) to.write(chunk);
        else to.end();
      }
      if (queue.length > 0) timer = setTimeout(drain, Math.max(1, queue[0]!.at - now));
    };
    const push = (at: number, chunk: Buffer | null) => {
      queue.push({ at: Math.max(at, queue[queue.length - 1]?.at ?? 0), chunk });
      if (!timer) timer = setTimeout(drain, Math.max(0, queue[0]!.at - performance.now()));
    };
    from.on('data', (chunk: Buffer) => {
      push(pipe.schedule(chunk.length, first ? handshakeMs : 0), chunk);
      first = false;
    });
    from.on('end', () => push(performance.now() + profile.rttMs / 2, null));
  };

  const relay = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    pairConnections(client, upstream, open);
    // The handshake's round trip comes before the browser's first bytes reach the server.
    forward(client, upstream, up, profile.rttMs);
    forward(upstream, client, down, 0);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get bytes() {
      return { down: down.carried, up: up.carried };
    },
    reset() {
      down.carried = 0;
      up.carried = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
