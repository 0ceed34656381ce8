import type { Response } from 'express';
import type { Config } from '../config';
import { SESSION_COOKIE } from './sessions';

/** httpOnly: scripts never see the id; SameSite=Lax: not sent on cross-site subrequests; Secure behind TLS. */
export function setSessionCookie(res: Response, config: Config, sessionId: string, expiresAt: number): void {
  res.cookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.max(0, expiresAt - Date.now()),
  });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}
