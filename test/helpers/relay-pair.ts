import type net from 'node:net';

/**
 * A browser's connection to a loopback relay and the relay's own connection to the server, tracked
 * together in `open` and torn down together: when either side ends or fails, the other must not
 * hang on (a page would wait for a reply that cannot come).
 */
export function pairConnections(client: net.Socket, upstream: net.Socket, open: Set<net.Socket>): void {
  open.add(client).add(upstream);
  const drop = () => {
    client.destroy();
    upstream.destroy();
    open.delete(client);
    open.delete(upstream);
  };
  client.on('error', drop).on('close', drop);
  upstream.on('error', drop).on('close', drop);
}
