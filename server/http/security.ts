import type { IncomingMessage, ServerResponse } from 'node:http';
import type express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Server as SocketServer } from 'socket.io';
import type { Config } from '../config';
import type { Db } from '../storage/db';
import { sessionFromCookieHeader } from '../auth/sessions';
import { CsrfErrors } from './csrf';

/**
 * The Content-Security-Policy: no inline script or style anywhere, so an XSS payload that reaches
 * the DOM as markup still cannot run. ws:/wss: are for socket.io; data:/blob: images for exports.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const STATIC_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Origin-Agent-Cluster', '?1'],
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the security headers on every response; HSTS only when the cookies are Secure (behind TLS). */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of STATIC_HEADERS) res.setHeader(name, value);
    if (config.secureCookies) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers are per-user: never let a shared cache or the back button keep them.
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/**
 * Refuses state-changing API requests that a browser says come from another site. This covers the
 * requests the synchroniser token cannot (sign-in and accepting an invitation have no session yet:
 * "login CSRF"). Clients that send neither header (curl, the CLI, tests) are judged by the token.
 */
export function crossSiteGuard(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return next(CsrfErrors.CSRF_FAILED());
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, req.headers.host)) return next(CsrfErrors.CSRF_FAILED());
  next();
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Mounted first in createApp: headers on every response, then the cross-site guard. */
export function securityMiddleware(config: Pick<Config, 'secureCookies'>): RequestHandler[] {
  return [securityHeaders(config), crossSiteGuard];
}

/**
 * Everything createApp needs for security, in one call made before any route: the middleware above,
 * and JSON escaping of <, > and & so that user text inside an API answer (a title, a name, an
 * imported clause) can never be read as markup even by a client that mistakes JSON for HTML.
 */
export function installSecurity(app: express.Express, config: Pick<Config, 'secureCookies'>): void {
  app.set('json escape', true);
  app.use(securityMiddleware(config));
}

/**
 * The socket.io gate, before any namespace sees a connection:
 * - cross-site WebSocket hijacking: a page on another site can open a socket.io connection that
 *   carries the user's cookie; browsers always send Origin on those handshakes, so a foreign one is
 *   refused;
 * - no session, no socket: every engine.io request (handshake, each long-poll, the upgrade) must
 *   carry a live session cookie. What a signed-in user may join is decided per review by the
 *   collaboration server through reviewAccess().
 */
export function attachSocketGate(ctx: { io: SocketServer; db: Db; config: Pick<Config, 'maxSocketFrameBytes'> }): void {
  const engine = ctx.io.engine;
  // A long-poll POST that says it is larger than a frame may be is answered 413 before its body is
  // read (engine.io would read up to the limit first). Over WebSocket the ws library refuses an
  // over-size frame from its header alone (maxPayload) and discards the rest unread.
  engine.use((req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.method === 'POST' && declared > ctx.config.maxSocketFrameBytes) {
      res.writeHead(413, { connection: 'close', 'content-type': 'text/plain' }).end('Payload too large');
      req.destroy();
      return;
    }
    next();
  });
  const previous = engine.opts.allowRequest;
  engine.opts.allowRequest = (req, callback) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, req.headers.host)) return callback('cross-site origin', false);
    if (!sessionFromCookieHeader(ctx.db, req.headers.cookie)) return callback('no session', false);
    if (previous) return previous(req, callback);
    callback(null, true);
  };
}
