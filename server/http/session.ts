import type { NextFunction, Request, Response } from 'express';
import { defineErrors } from '../../shared/errors';
import { readCookie, renewSession, resolveSession, SESSION_COOKIE, type Session } from '../auth/sessions';
import { setSessionCookie } from '../auth/session-cookie';
import type { AppContext } from '../context';

export const AuthErrors = defineErrors({
  AUTH_REQUIRED: {
    status: 401,
    text: { ru: 'Требуется вход в систему.', ky: 'Системага кирүү талап кылынат.', en: 'Please sign in.' },
  },
  FORBIDDEN: {
    status: 403,
    text: {
      ru: 'У вас нет прав на это действие.',
      ky: 'Бул аракетке укугуңуз жок.',
      en: 'You are not allowed to do this.',
    },
  },
});

declare module 'express-serve-static-core' {
  interface Request {
    session?: Session | null;
  }
}

/**
 * Resolves the session cookie on every request; routes decide what an absent session means.
 * An active session slides its idle expiry forward and the cookie follows it.
 */
export function loadSession(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    req.session = resolveSession(ctx.db, sessionId);
    if (req.session && sessionId) {
      const renewedUntil = renewSession(ctx.db, sessionId, ctx.config.sessionTtlMs);
      if (renewedUntil !== null) {
        req.session.expiresAt = renewedUntil;
        setSessionCookie(res, ctx.config, sessionId, renewedUntil);
      }
    }
    next();
  };
}

export function requireSession(req: Request): Session {
  if (!req.session) throw AuthErrors.AUTH_REQUIRED();
  return req.session;
}
