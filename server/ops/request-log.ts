import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Socket } from 'socket.io';
import { CollabEvents } from '../../shared/protocol';
import type { AppContext } from '../context';
import type { Logger } from './logger';

/**
 * One line per HTTP request, written when the answer has gone: method, path (the query string left
 * out), status, time, size, the signed-in user's id and the client's address (req.ip, which the
 * trusted proxy setting decides). Bodies, cookies and headers are never read here.
 * The health check, polled by container engines and monitors, is logged at debug.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = req.originalUrl.split('?')[0]!;
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : path === '/api/health' ? 'debug' : 'info';
      if (!log.enabled(level)) return;
      const length = res.getHeader('content-length');
      log[level]('request', {
        method: req.method,
        path,
        status,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(length !== undefined ? { bytes: Number(length) } : {}),
        user: req.session?.user.id,
        ip: req.ip,
      });
    });
    next();
  };
}

/** The address a request comes from, as Express would tell it for an HTTP request on this app. */
export function clientAddressOf(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string | undefined {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const chain = [req.socket.remoteAddress ?? '', ...forwarded];
  // Walks back from the socket's peer while the hop is trusted (proxy-addr's rule, as Express uses it).
  for (let hop = 0; hop < chain.length - 1; hop++) if (!trust(chain[hop]!, hop)) return chain[hop];
  return chain[chain.length - 1];
}

/**
 * The socket events an administrator wants to see: a connection opened (who, from where, transport),
 * a doc joined (review and doc, and whether it was accepted and writable), a refusal the server sent,
 * a connection closed (why, and for how long it was open). Updates and presence — many per second —
 * are not logged; neither is any payload beyond ids.
 */
export function attachSocketLog(ctx: AppContext, trust: (address: string, hop: number) => boolean): void {
  const log = ctx.log.child({ part: 'socket' });
  ctx.io.engine.on('connection_error', (err: { req?: IncomingMessage; code?: number; message?: string; context?: unknown }) => {
    log.info('socket refused', { reason: err.message, ip: err.req ? clientAddressOf(err.req, trust) : undefined });
  });
  ctx.io.on('connection', (socket: Socket) => {
    const opened = Date.now();
    const user = (socket.data as { user?: { id: string } }).user?.id;
    const ip = clientAddressOf(socket.request, trust);
    log.info('socket connected', { socket: socket.id, user, ip, transport: socket.conn.transport.name });
    // A socket middleware sees the packet array itself, so the join's acknowledgement can be wrapped in
    // place: its outcome (accepted, writable, refused with a code) is logged as it is sent.
    socket.use((packet, next) => {
      const [event, payload] = packet as unknown[];
      if (event !== CollabEvents.join && event !== CollabEvents.leave) return next();
      const ref = docRef(payload);
      if (event === CollabEvents.leave) {
        log.debug('doc left', { socket: socket.id, user, ...ref });
        return next();
      }
      const ackAt = packet.length - 1;
      const ack = packet[ackAt] as unknown;
      if (ackAt < 1 || typeof ack !== 'function') {
        log.info('doc join', { socket: socket.id, user, ...ref });
        return next();
      }
      packet[ackAt] = (answer: unknown) => {
        const a = answer as { ok?: boolean; writable?: boolean; code?: string } | undefined;
        if (a?.ok) log.info('doc joined', { socket: socket.id, user, ...ref, writable: a.writable });
        else log.info('doc join refused', { socket: socket.id, user, ...ref, code: a?.code });
        (ack as (x: unknown) => void)(answer);
      };
      next();
    });
    socket.onAnyOutgoing((event: string, payload: unknown) => {
      if (event !== CollabEvents.error) return;
      const p = payload as { code?: string; reviewId?: string; doc?: string } | undefined;
      log.info('socket refusal sent', { socket: socket.id, user, code: p?.code, reviewId: p?.reviewId, doc: p?.doc });
    });
    socket.once('disconnect', (reason: string) => {
      log.info('socket disconnected', { socket: socket.id, user, reason, seconds: Math.round((Date.now() - opened) / 1000) });
    });
  });
}

function docRef(value: unknown): { reviewId?: string; doc?: string } {
  const v = value as { reviewId?: unknown; doc?: unknown } | undefined;
  return {
    reviewId: typeof v?.reviewId === 'string' ? v.reviewId.slice(0, 64) : undefined,
    doc: typeof v?.doc === 'string' ? v.doc.slice(0, 80) : undefined,
  };
}
