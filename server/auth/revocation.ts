import type { Socket } from 'socket.io';
import type { UserId } from '../../shared/ids';
import type { AppContext } from '../context';
import { destroyUserSessions, sessionFromCookieHeader } from './sessions';

/**
 * When access is taken away it must end at once, on HTTP and on open sockets alike. HTTP needs
 * nothing more than the deleted session row; an open socket is re-judged here from the session
 * cookie of its handshake, so this works for every namespace without knowing what the collaboration
 * server keeps on its sockets.
 */
export interface AccessRevoked {
  userId: UserId;
  /** Set when only one review was taken away (membership removed). */
  reviewId?: string;
}

function allSockets(ctx: AppContext): Socket[] {
  const sockets: Socket[] = [];
  for (const namespace of ctx.io._nsps.values()) sockets.push(...namespace.sockets.values());
  return sockets;
}

/** Disconnects every socket whose handshake session no longer exists (logout, expiry, revocation). */
export function disconnectStaleSockets(ctx: AppContext): void {
  for (const socket of allSockets(ctx))
    if (!sessionFromCookieHeader(ctx.db, socket.handshake.headers.cookie)) socket.disconnect(true);
}

/** Disconnects the user's sockets; her client reconnects and rejoins only what she may still see. */
export function disconnectUserSockets(ctx: AppContext, userId: UserId): void {
  for (const socket of allSockets(ctx)) {
    const session = sessionFromCookieHeader(ctx.db, socket.handshake.headers.cookie);
    if (!session || session.user.id === userId) socket.disconnect(true);
  }
}

/** Role change, disabling, password change by the admin: every session of the user ends now. */
export function revokeUserSessions(ctx: AppContext, userId: UserId): void {
  destroyUserSessions(ctx.db, userId);
  disconnectStaleSockets(ctx);
  ctx.accessEvents.emit('revoked', { userId });
}

/** One review was taken away from the user (membership removed). */
export function revokeReviewAccess(ctx: AppContext, userId: UserId, reviewId: string): void {
  ctx.accessEvents.emit('revoked', { userId, reviewId });
  disconnectUserSockets(ctx, userId);
}
