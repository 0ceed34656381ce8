import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { defineErrors } from '../../shared/errors';

export const CsrfErrors = defineErrors({
  CSRF_FAILED: {
    status: 403,
    text: {
      ru: 'Запрос отклонён: устаревшая или чужая форма. Обновите страницу и повторите.',
      ky: 'Суроо-талап четке кагылды: эскирген же бөтөн форма. Баракты жаңыртып, кайталаңыз.',
      en: 'Request refused: stale or foreign form. Reload the page and try again.',
    },
  },
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Routes that start a session rather than act within one (paths below /api). A browser that still
 * carries some session cookie, perhaps one an attacker planted, must be able to sign in; these
 * routes accept only JSON and are guarded by the Origin / Sec-Fetch-Site check (http/security.ts).
 */
const SESSION_STARTING_PATHS = new Set(['/auth/login', '/auth/accept-invite', '/auth/invitation']);

/**
 * Every state-changing request made with a session must carry the session's CSRF token in the
 * `x-csrf-token` header (synchroniser token; a cross-site form cannot set headers).
 * Requests without a session reach their route, which refuses them unless it is sign-in.
 */
export function csrfGuard(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || !req.session || SESSION_STARTING_PATHS.has(req.path)) return next();
  const sent = req.headers[CSRF_HEADER];
  const expected = Buffer.from(req.session.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next(CsrfErrors.CSRF_FAILED());
  next();
}
