import net from 'node:net';
import { pairConnections } from './relay-pair';

/**
 * A loopback TCP relay in front of the server that a test can cut, like a network that goes away:
 * open connections are torn down and new ones refused, for the page, its service worker and its
 * WebSocket alike — which the browser's offline emulation alone does not guarantee for a service
 * worker's requests. Cookies are per host, not per port, so a session made on the server's own port
 * is valid through the relay.
 */
export interface NetworkSwitch {
  readonly url: string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function networkSwitch(targetPort: number): Promise<NetworkSwitch> {
  let online = true;
  const open = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    if (!online) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    pairConnections(client, upstream, open);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    down() {
      online = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up() {
      online = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
